import { Alert } from "./ds";

/** A short message panel: what happened, and what to do next (LiveChat's Alert). */
export function Notice({
  tone,
  title,
  children,
}: {
  tone: "error" | "info";
  title: string;
  children?: React.ReactNode;
}) {
  return (
    <div role={tone === "error" ? "alert" : "status"}>
      <Alert kind={tone}>
        <strong>{title}</strong>
        {children && <div>{children}</div>}
      </Alert>
    </div>
  );
}
