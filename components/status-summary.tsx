import { statusLabel } from "./status-badge";

export function StatusSummary({ counts }: { counts: Record<string, number> }) {
  return (
    <dl className="grid grid-cols-3 gap-4">
      {Object.entries(counts).map(([status, count]) => (
        <div
          key={status}
          className="rounded-lg border border-neutral-200 bg-white p-4"
          data-status={status}
        >
          <dt className="text-sm text-neutral-500">{statusLabel(status)}</dt>
          <dd className="mt-1 text-2xl font-semibold text-neutral-900">{count}</dd>
        </div>
      ))}
    </dl>
  );
}
