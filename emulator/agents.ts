import { agents } from "./fixtures";
import type { Agent } from "./types";

// Agents as the Configuration API and the legacy v2 API show them.

export const OPTIONAL_AGENT_FIELDS = [
  "job_title",
  "max_chats_count",
  "groups",
  "last_logout",
  "suspended",
] as const;
export type OptionalAgentField = (typeof OPTIONAL_AGENT_FIELDS)[number];

const LOGIN_STATUS: Record<Agent["routing_status"], string> = {
  accepting_chats: "accepting chats",
  not_accepting_chats: "not accepting chats",
  offline: "offline",
};

/**
 * LiveChat sends scheme-less CDN paths; the emulator serves avatars itself and sends absolute
 * http URLs instead, so a browser showing them never leaves the machine.
 */
export function avatarUrl(agent: Agent, origin: string): string {
  return agent.avatar_path && `${origin}${agent.avatar_path}`;
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

export function toWireAgent(
  agent: Agent,
  origin: string,
  fields: readonly OptionalAgentField[] = [],
): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    id: agent.id,
    account_id: agent.account_id,
    name: agent.name,
    avatar_path: avatarUrl(agent, origin),
    role: agent.role,
    login_status: LOGIN_STATUS[agent.routing_status],
  };
  for (const field of fields) {
    // LiveChat omits last_logout for agents that never logged out.
    if (field === "last_logout" && agent.last_logout === null) continue;
    wire[field] = agent[field];
  }
  return wire;
}

export function toLegacyAgent(agent: Agent, origin: string): Record<string, unknown> {
  return {
    login: agent.id,
    name: agent.name,
    permission: agent.role,
    avatar: avatarUrl(agent, origin),
    status: LOGIN_STATUS[agent.routing_status],
  };
}
