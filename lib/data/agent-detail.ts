import "server-only";
import {
  getAgent,
  LiveChatApiError,
  listGroups,
  listRoutingStatuses,
  type Agent,
  type Group,
  type LiveChatContext,
  type RoutingStatus,
} from "@/lib/livechat";
import { log } from "@/lib/log";
import type { LiveChatSession } from "./livechat-session";
import { toAgentRow } from "./agent-board";
import { settle } from "./outcome";
import type { AgentDetail, Problem, Reauthenticate } from "./types";
import { withLiveChat } from "./with-livechat";

/** LiveChat's agent ids are emails, which are at most 254 characters. */
const MAX_AGENT_ID_LENGTH = 254;

const notFound = { kind: "not_found" } as const;

/**
 * One agent of the signed-in user's organization (get_agent) with its routing status and the
 * names of its groups, the three LiveChat calls in parallel. An unknown id, or an agent of another
 * organization, is not found: LiveChat itself answers `not_found` for both, and an implausible id
 * is not sent at all.
 */
export async function getAgentDetail(
  livechat: LiveChatSession,
  id: string,
): Promise<{ kind: "ok"; agent: AgentDetail } | { kind: "not_found" } | Problem | Reauthenticate> {
  if (!id || id.length > MAX_AGENT_ID_LENGTH) return notFound;
  return settle(async () => {
    try {
      const [agent, statuses, groups] = await withLiveChat(livechat, (ctx) =>
        Promise.all([
          getAgent(ctx, {
            id,
            fields: ["groups", "jobTitle", "lastLogout", "maxChatsCount", "suspended"],
          }),
          listRoutingStatuses(ctx),
          groupsIfListed(ctx),
        ]),
      );
      return { kind: "ok" as const, agent: toAgentDetail(agent, statuses, groups) };
    } catch (error) {
      if (error instanceof LiveChatApiError && error.type === "not_found") return notFound;
      throw error;
    }
  });
}

/**
 * The organization's groups, for their names only, so that failing to list them costs the names,
 * not the page: null when LiveChat refuses (a token granted before the app asked for
 * `groups--all:ro` lacks it until its user signs in again) or fails this one call. An
 * `authentication` or `misdirected_request` answer still fails the page's calls, as withLiveChat
 * then refreshes the token or moves to the right region and tries them all again.
 */
async function groupsIfListed(ctx: LiveChatContext): Promise<Group[] | null> {
  try {
    return await listGroups(ctx);
  } catch (error) {
    if (!(error instanceof LiveChatApiError)) throw error;
    if (error.type === "authentication" || error.type === "misdirected_request") throw error;
    log.warn("livechat.groups_unnamed", { type: error.type, status: error.status });
    return null;
  }
}

/** An agent without a routing status is not logged in to take chats: offline. */
export function toAgentDetail(
  agent: Agent,
  statuses: RoutingStatus[],
  groups: Group[] | null = null,
): AgentDetail {
  const names = new Map(groups?.map((group) => [group.id, group.name]));
  return {
    ...toAgentRow(agent, statuses.find((status) => status.agentId === agent.id)?.status),
    groups: (agent.groups ?? []).map(({ id, priority }) => ({ id, priority, name: names.get(id) })),
    lastLogout: agent.lastLogout?.toISOString() ?? null,
    maxChatsCount: agent.maxChatsCount ?? null,
    suspended: agent.suspended ?? false,
  };
}
