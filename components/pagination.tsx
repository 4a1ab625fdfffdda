import Link from "next/link";

/** "Previous / Page 2 of 10 / Next" as plain links, so each page has its own URL. */
export function Pagination({
  page,
  pageCount,
  hrefOf,
}: {
  page: number;
  pageCount: number;
  hrefOf: Record<"previous" | "next", string | null>;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="bar">
      {hrefOf.previous ? (
        <Link href={hrefOf.previous} rel="prev" scroll={false}>
          ← Previous
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span className="muted" aria-current="page">
        Page {page} of {pageCount}
      </span>
      {hrefOf.next ? (
        <Link href={hrefOf.next} rel="next" scroll={false}>
          Next →
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
