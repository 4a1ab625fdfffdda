import "server-only";
import { listAgents, listRoutingStatuses } from "@/lib/livechat";
import { toAgentBoard, type AgentBoard } from "./agent-board";
import { withLiveChat } from "./with-livechat";

export type { AgentBoard, AgentRow } from "./agent-board";

/** The organization's agents with their routing status; both LiveChat calls run in parallel. */
export async function getAgentBoard(userId: string): Promise<AgentBoard> {
  const [agents, statuses] = await withLiveChat(userId, (ctx) =>
    Promise.all([listAgents(ctx, { fields: ["jobTitle"] }), listRoutingStatuses(ctx)]),
  );
  return toAgentBoard(agents, statuses);
}
