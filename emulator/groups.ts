import { agentsOf } from "./agents";
import { groups } from "./fixtures";
import type { Group, RoutingStatus } from "./types";

// Groups as the Configuration API's list_groups shows them (configuration-api/index.mdx
// L2594-2640; payloads/management/v3.6/configuration-api/responses/groups/listGroups.json).

/** Every documented `fields[]` value of list_groups and get_group (L2611-2618). */
export const OPTIONAL_GROUP_FIELDS = ["agent_priorities", "routing_status"] as const;
export type OptionalGroupField = (typeof OPTIONAL_GROUP_FIELDS)[number];

/** Only the given organization's groups: a token never sees another organization. */
export function groupsOf(organizationId: string): Group[] {
  return groups.filter((group) => group.organization_id === organizationId);
}

/** The organization's agents in the group, by id, with their priority there. */
function agentPriorities(group: Group): Record<string, string> {
  return Object.fromEntries(
    agentsOf(group.organization_id).flatMap((agent) =>
      agent.groups.filter((g) => g.id === group.id).map((g) => [agent.id, g.priority]),
    ),
  );
}

/**
 * The docs only say "the routing status of a group"; the emulator's reading: accepting chats when
 * an agent who gets chats there (not a supervisor) accepts them, offline when nobody is logged in.
 */
function routingStatus(group: Group): RoutingStatus {
  const members = agentsOf(group.organization_id, { group_ids: [group.id] });
  const takesChats = members.some(
    (agent) =>
      agent.routing_status === "accepting_chats" &&
      agent.groups.some((g) => g.id === group.id && g.priority !== "supervisor"),
  );
  if (takesChats) return "accepting_chats";
  return members.some((agent) => agent.routing_status !== "offline")
    ? "not_accepting_chats"
    : "offline";
}

/**
 * A group as list_groups sends it. `routing_status` is documented as an extra field, yet the
 * docs' sample answers it to a request without `fields` (`-d '{}'`): the emulator does the same.
 */
export function toWireGroup(
  group: Group,
  fields: readonly OptionalGroupField[] = [],
): Record<string, unknown> {
  return {
    id: group.id,
    name: group.name,
    language_code: group.language_code,
    ...(fields.includes("agent_priorities") ? { agent_priorities: agentPriorities(group) } : {}),
    routing_status: routingStatus(group),
  };
}
