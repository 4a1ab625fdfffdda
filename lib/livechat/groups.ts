import { z } from "zod";
import { logSkipped, readItem, type KeptFields, type LenientItem } from "./lenient";
import { request, type LiveChatContext } from "./request";

/** A group of the organization's agents: chat routing and settings are per group. */
export type Group = {
  /** 0 is the organization's default group ("General" in the docs' sample). */
  id: number;
  /** Absent when LiveChat sends none, or an empty one. */
  name?: string;
  languageCode?: string;
  /** `accepting_chats`, `not_accepting_chats` or `offline` (lc-sdk-js types it so); others as sent. */
  routingStatus?: string;
  /** Agent id (email) -> routing priority in this group (`first`, `normal`, `last`, `supervisor`). */
  agentPriorities?: Record<string, string>;
};

/** Optional fields LiveChat leaves out unless asked for (configuration-api/index.mdx L2611-2618). */
export type GroupField = "agentPriorities" | "routingStatus";

const WIRE_FIELDS: Readonly<Record<GroupField, string>> = {
  agentPriorities: "agent_priorities",
  routingStatus: "routing_status",
};

// Everything but `id` is read on its own, as agents are (lenient.ts). LiveChat's SDK types `name`
// and `language_code` as always sent (lc-sdk-js src/configuration/structures/structures.ts).
const groupFieldSchemas = {
  name: z.string(),
  language_code: z.string(),
  // Listed as an extra field, yet the docs' list_groups sample sends it to a request without
  // `fields` (payloads/management/v3.6/configuration-api/responses/groups/listGroups.json).
  routing_status: z.string(),
  agent_priorities: z.record(z.string(), z.string()),
};

export type GroupWire = { id: number } & KeptFields<typeof groupFieldSchemas>;

/** One group of LiveChat's answer: without an integer `id` it is skipped, else only its odd fields are. */
export const parseGroupWire = (raw: unknown): LenientItem<GroupWire> =>
  readItem(raw, "group", z.number().int().nonnegative(), groupFieldSchemas);

/** Maps LiveChat's group object to ours. */
export function toGroup(wire: GroupWire): Group {
  return {
    id: wire.id,
    name: wire.name || undefined,
    languageCode: wire.language_code,
    routingStatus: wire.routing_status,
    agentPriorities: wire.agent_priorities,
  };
}

/**
 * Lists every group of the organization. Scope `groups--all:ro` (configuration-api/index.mdx
 * L2603): unlike get_group (L2654), list_groups names no `groups--my:ro` alternative, so a token
 * without it is refused (`authorization`) even for the groups its own agent is in.
 * @see https://platform.text.com/docs/management/configuration-api#list-groups
 */
export async function listGroups(
  ctx: LiveChatContext,
  params: { fields?: GroupField[] } = {},
): Promise<Group[]> {
  const wire = await request(ctx, "configuration/action/list_groups", {
    body: { fields: params.fields?.map((field) => WIRE_FIELDS[field]) },
    schema: z.array(z.unknown()),
  });
  const parsed = wire.map(parseGroupWire);
  logSkipped("livechat.groups_skipped", "groups", parsed);
  return parsed.flatMap(({ wire: group }) => (group ? [toGroup(group)] : []));
}
