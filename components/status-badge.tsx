const LABELS: Record<string, { label: string; dot: string }> = {
  accepting_chats: { label: "Accepting chats", dot: "bg-green-500" },
  not_accepting_chats: { label: "Not accepting chats", dot: "bg-amber-500" },
  offline: { label: "Offline", dot: "bg-neutral-400" },
};

export function statusLabel(status: string): string {
  return LABELS[status]?.label ?? status;
}

export function StatusBadge({ status }: { status: string }) {
  const { label, dot } = LABELS[status] ?? { label: status, dot: "bg-neutral-300" };
  return (
    <span className="status">
      <i aria-hidden="true" className={dot} />
      {label}
    </span>
  );
}
