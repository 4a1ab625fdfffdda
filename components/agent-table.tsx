import type { AgentRow } from "@/lib/data/types";
import { AgentAvatar } from "./agent-avatar";
import { StatusBadge } from "./status-badge";

/** Row styles come from `.agent-table` in globals.css: see the note there. */
export function AgentTable({ agents }: { agents: AgentRow[] }) {
  if (agents.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-neutral-300 p-6 text-center text-neutral-600">
        No agents yet.
      </p>
    );
  }
  return (
    <div className="overflow-hidden rounded-lg border border-neutral-200 bg-white">
      <table className="agent-table w-full text-left text-sm">
        <thead className="bg-neutral-50 text-xs uppercase tracking-wide text-neutral-500">
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Job title</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">
          {agents.map((agent) => (
            <tr key={agent.id} data-agent-id={agent.id}>
              <td className="agent">
                <AgentAvatar name={agent.name} avatarUrl={agent.avatarUrl} />
                {agent.name}
              </td>
              <td>{agent.email}</td>
              <td>{agent.role}</td>
              <td>{agent.jobTitle ?? "—"}</td>
              <td>
                <StatusBadge status={agent.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
