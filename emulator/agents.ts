import { agents } from "./fixtures";
import type { Agent } from "./types";

// Agents as the Configuration API and the legacy v2 API show them.

/** Every documented `fields[]` value of get_agent and list_agents (configuration-api/index.mdx L368-377, L432-441). */
export const OPTIONAL_AGENT_FIELDS = [
  "work_scheduler",
  "groups",
  "email_subscriptions",
  "notifications",
  "job_title",
  "mobile",
  "max_chats_count",
  "suspended",
  "awaiting_approval",
  "last_logout",
] as const;
export type OptionalAgentField = (typeof OPTIONAL_AGENT_FIELDS)[number];

/**
 * list_agents' `avatar_path`: the emulator's own avatars as absolute http URLs (a browser showing
 * them never leaves the machine); a CDN path as LiveChat sends it, without a scheme.
 */
export function avatarUrl(agent: Agent, origin: string): string {
  return agent.avatar_path.startsWith("/") ? `${origin}${agent.avatar_path}` : agent.avatar_path;
}

/** get_agent's `avatar`: a full URL, as the docs' getAgent.json sample shows. */
function absoluteAvatarUrl(agent: Agent, origin: string): string {
  const url = avatarUrl(agent, origin);
  return url && !/^https?:\/\//.test(url) ? `https://${url}` : url;
}

export interface AgentFilters {
  group_ids?: number[];
  suspended?: boolean;
}

/** Only the given organization's agents: a token never sees another organization. */
export function agentsOf(organizationId: string, filters: AgentFilters = {}): Agent[] {
  return agents.filter(
    (agent) =>
      agent.organization_id === organizationId &&
      (filters.suspended === undefined || agent.suspended === filters.suspended) &&
      (!filters.group_ids || agent.groups.some((group) => filters.group_ids?.includes(group.id))),
  );
}

/**
 * An agent as list_agents (`avatar_path`, scheme-less on LiveChat's CDN) or get_agent (`avatar`, a
 * full URL) sends it: the two payload samples differ in just this way
 * (payloads/management/v3.6/configuration-api/responses/agents/listAgents.json, getAgent.json).
 */
export function toWireAgent(
  agent: Agent,
  origin: string,
  fields: readonly OptionalAgentField[] = [],
  method: "list_agents" | "get_agent" = "list_agents",
): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    id: agent.id,
    account_id: agent.account_id,
    name: agent.name,
    ...(method === "get_agent"
      ? { avatar: absoluteAvatarUrl(agent, origin) }
      : { avatar_path: avatarUrl(agent, origin) }),
    role: agent.role,
    login_status: agent.login_status,
  };
  for (const field of fields) {
    // LiveChat omits last_logout for agents that never logged out (L377); mobile, when none.
    if (agent[field] === null) continue;
    wire[field] = agent[field];
  }
  return wire;
}

const LEGACY_STATUS: Record<Agent["routing_status"], string> = {
  accepting_chats: "accepting chats",
  not_accepting_chats: "not accepting chats",
  offline: "offline",
};

export function toLegacyAgent(agent: Agent, origin: string): Record<string, unknown> {
  return {
    login: agent.id,
    name: agent.name,
    permission: agent.role,
    avatar: avatarUrl(agent, origin),
    status: LEGACY_STATUS[agent.routing_status],
  };
}
