/** A short message panel: what happened, and what to do next. */
export function Notice({
  tone,
  title,
  children,
}: {
  tone: "error" | "info";
  title: string;
  children?: React.ReactNode;
}) {
  const colours =
    tone === "error"
      ? "border-red-200 bg-red-50 text-red-900"
      : "border-sky-200 bg-sky-50 text-sky-900";
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-lg border p-4 ${colours}`}
    >
      <p className="font-semibold">{title}</p>
      {children && <div className="mt-1 text-sm">{children}</div>}
    </div>
  );
}
