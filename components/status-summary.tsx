import type { StatusCounts } from "@/lib/data/types";
import { statusLabel } from "./status-badge";

export function StatusSummary({ counts }: { counts: StatusCounts }) {
  return (
    <dl className="counts">
      {Object.entries(counts).map(([status, count]) => (
        <div key={status} className="panel" data-status={status}>
          <dt className="muted">{statusLabel(status)}</dt>
          <dd>{count}</dd>
        </div>
      ))}
    </dl>
  );
}
