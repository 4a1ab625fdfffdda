import "server-only";
import {
  getAgent,
  LiveChatApiError,
  listRoutingStatuses,
  type Agent,
  type RoutingStatus,
} from "@/lib/livechat";
import type { LiveChatSession } from "./livechat-session";
import { toAgentRow } from "./agent-board";
import { settle } from "./outcome";
import type { AgentDetail, Problem, Reauthenticate } from "./types";
import { withLiveChat } from "./with-livechat";

/** LiveChat's agent ids are emails, which are at most 254 characters. */
const MAX_AGENT_ID_LENGTH = 254;

const notFound = { kind: "not_found" } as const;

/**
 * One agent of the signed-in user's organization (get_agent) with its routing status, both
 * LiveChat calls in parallel. An unknown id, or an agent of another organization, is not found:
 * LiveChat itself answers `not_found` for both, and an implausible id is not sent at all.
 */
export async function getAgentDetail(
  livechat: LiveChatSession,
  id: string,
): Promise<{ kind: "ok"; agent: AgentDetail } | { kind: "not_found" } | Problem | Reauthenticate> {
  if (!id || id.length > MAX_AGENT_ID_LENGTH) return notFound;
  return settle(async () => {
    try {
      const [agent, statuses] = await withLiveChat(livechat, (ctx) =>
        Promise.all([
          getAgent(ctx, {
            id,
            fields: ["groups", "jobTitle", "lastLogout", "maxChatsCount", "suspended"],
          }),
          listRoutingStatuses(ctx),
        ]),
      );
      return { kind: "ok" as const, agent: toAgentDetail(agent, statuses) };
    } catch (error) {
      if (error instanceof LiveChatApiError && error.type === "not_found") return notFound;
      throw error;
    }
  });
}

/** An agent without a routing status is not logged in to take chats: offline. */
export function toAgentDetail(agent: Agent, statuses: RoutingStatus[]): AgentDetail {
  return {
    ...toAgentRow(agent, statuses.find((status) => status.agentId === agent.id)?.status),
    groups: agent.groups ?? [],
    lastLogout: agent.lastLogout?.toISOString() ?? null,
    maxChatsCount: agent.maxChatsCount ?? null,
    suspended: agent.suspended ?? false,
  };
}
