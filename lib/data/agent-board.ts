import type { Agent, RoutingStatusValue } from "@/lib/livechat";

/** One row of the agents dashboard: safe to hand to any component. */
export interface AgentRow {
  id: string;
  name: string;
  email: string;
  role: string;
  jobTitle: string | null;
  avatarUrl: string | null;
  status: RoutingStatusValue;
}

export interface AgentBoard {
  agents: AgentRow[];
  counts: Record<"accepting_chats" | "not_accepting_chats" | "offline", number>;
}

/** Agents without a routing status are not logged in to take chats: LiveChat shows them offline. */
export function toAgentBoard(
  agents: Agent[],
  statuses: Array<{ agentId: string; status: RoutingStatusValue }>,
): AgentBoard {
  const statusOf = new Map(statuses.map(({ agentId, status }) => [agentId, status]));
  const rows = agents
    .map((agent) => ({
      id: agent.id,
      name: agent.name,
      email: agent.id,
      role: agent.role,
      jobTitle: agent.jobTitle || null,
      avatarUrl: agent.avatarUrl,
      status: statusOf.get(agent.id) ?? "offline",
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const counts = { accepting_chats: 0, not_accepting_chats: 0, offline: 0 };
  for (const row of rows) {
    if (row.status in counts) counts[row.status as keyof typeof counts] += 1;
  }
  return { agents: rows, counts };
}
