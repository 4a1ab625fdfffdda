import { AgentAvatar } from "./agent-avatar";
import { StatusBadge } from "./status-badge";

export interface AgentTableRow {
  id: string;
  name: string;
  email: string;
  role: string;
  jobTitle: string | null;
  avatarUrl: string | null;
  status: string;
}

export function AgentTable({ agents }: { agents: AgentTableRow[] }) {
  if (agents.length === 0) {
    return <p className="rounded-lg border border-dashed border-neutral-300 p-6 text-center text-neutral-600">No agents yet.</p>;
  }
  return (
    <div className="overflow-hidden rounded-lg border border-neutral-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-neutral-50 text-xs uppercase tracking-wide text-neutral-500">
          <tr>
            <th scope="col" className="px-4 py-3">Agent</th>
            <th scope="col" className="px-4 py-3">Email</th>
            <th scope="col" className="px-4 py-3">Role</th>
            <th scope="col" className="px-4 py-3">Job title</th>
            <th scope="col" className="px-4 py-3">Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">
          {agents.map((agent) => (
            <tr key={agent.id} data-agent-id={agent.id}>
              <td className="px-4 py-3">
                <span className="flex items-center gap-3">
                  <AgentAvatar name={agent.name} avatarUrl={agent.avatarUrl} />
                  <span className="font-medium text-neutral-900">{agent.name}</span>
                </span>
              </td>
              <td className="px-4 py-3 text-neutral-600">{agent.email}</td>
              <td className="px-4 py-3 capitalize text-neutral-600">{agent.role}</td>
              <td className="px-4 py-3 text-neutral-600">{agent.jobTitle ?? "—"}</td>
              <td className="px-4 py-3">
                <StatusBadge status={agent.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
