import "server-only";
import {
  listAgents,
  listRoutingStatuses,
  type Agent,
  type RoutingStatusValue,
} from "@/lib/livechat";
import type { AgentBoard } from "./types";
import { withLiveChat } from "./with-livechat";

/** The organization's agents with their routing status; both LiveChat calls run in parallel. */
export async function getAgentBoard(userId: string): Promise<AgentBoard> {
  const [agents, statuses] = await withLiveChat(userId, (ctx) =>
    Promise.all([listAgents(ctx, { fields: ["jobTitle"] }), listRoutingStatuses(ctx)]),
  );
  return toAgentBoard(agents, statuses);
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
