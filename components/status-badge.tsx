import { StatusBadge as DsStatusBadge } from "./ds";

const STATUSES: Record<string, { label: string; kind: "accept" | "not-accept" | "offline" }> = {
  accepting_chats: { label: "Accepting chats", kind: "accept" },
  not_accepting_chats: { label: "Not accepting chats", kind: "not-accept" },
  offline: { label: "Offline", kind: "offline" },
};

export function statusLabel(status: string): string {
  return STATUSES[status]?.label ?? status;
}

/** LiveChat's status dot and its words (a colour alone says nothing to a screen reader). */
export function StatusBadge({ status }: { status: string }) {
  const { label, kind } = STATUSES[status] ?? { label: status, kind: "offline" as const };
  return (
    <span className="status">
      <DsStatusBadge kind={kind} size="XS" aria-hidden="true" />
      {label}
    </span>
  );
}
