import { z } from "zod";
import { toAvatarUrl } from "./avatar-url";
import { logSkipped, readItem, type KeptFields, type LenientItem } from "./lenient";
import { request, type LiveChatContext } from "./request";

export type AgentRole = "owner" | "viceowner" | "administrator" | "normal" | (string & {});

export type AgentGroup = { id: number; priority: string };

/** An agent of the organization, as the dashboard uses it. */
export type Agent = {
  /** The agent's email: LiveChat uses it as the agent ID. */
  id: string;
  /** Absent when LiveChat sends none (its SDK types it optional). */
  accountId?: string;
  /** The id (email) stands in when LiveChat sends no name. */
  name: string;
  avatarUrl: string | null;
  /** "" when LiveChat sends none: such an agent counts as no admin. */
  role: AgentRole;
  /** LiveChat's default status after login: `accepting chats` or `not accepting chats`. */
  loginStatus?: string;
  jobTitle?: string;
  maxChatsCount?: number;
  lastLogout?: Date;
  suspended?: boolean;
  groups?: AgentGroup[];
};

/** Optional fields LiveChat leaves out unless asked for. */
export type AgentField = "jobTitle" | "maxChatsCount" | "lastLogout" | "suspended" | "groups";

const WIRE_FIELDS: Readonly<Record<AgentField, string>> = {
  jobTitle: "job_title",
  maxChatsCount: "max_chats_count",
  lastLogout: "last_logout",
  suspended: "suspended",
  groups: "groups",
};

// Everything but `id` is optional, as LiveChat's own SDK types an agent (lc-sdk-js
// src/configuration/structures/structures.ts): each field is checked on its own, so one odd value
// costs that value, not the agent, and one odd agent never costs the list.
const agentFieldSchemas = {
  account_id: z.string(),
  name: z.string(),
  // list_agents sends `avatar_path`; the docs' get_agent sample sends `avatar`.
  avatar_path: z.string().nullable(),
  avatar: z.string().nullable(),
  role: z.string(),
  login_status: z.string(),
  job_title: z.string(),
  max_chats_count: z.number(),
  // Omitted for an agent that never logged out; tolerated as null too.
  last_logout: z.string().nullable(),
  suspended: z.boolean(),
  groups: z.array(z.looseObject({ id: z.number(), priority: z.string() })),
};

export type AgentWire = { id: string } & KeptFields<typeof agentFieldSchemas>;

/** One agent of LiveChat's answer: without a string `id` it is skipped, else only its odd fields are. */
export const parseAgentWire = (raw: unknown): LenientItem<AgentWire> =>
  readItem(raw, "agent", z.string().min(1), agentFieldSchemas);

/** Maps LiveChat's agent object to ours. */
export function toAgent(wire: AgentWire): Agent {
  return {
    id: wire.id,
    accountId: wire.account_id,
    name: wire.name || wire.id,
    // `||`: an empty avatar_path next to a full avatar is no avatar_path.
    avatarUrl: toAvatarUrl(wire.avatar_path || wire.avatar),
    role: wire.role ?? "",
    loginStatus: wire.login_status,
    jobTitle: wire.job_title,
    maxChatsCount: wire.max_chats_count,
    lastLogout: toDate(wire.last_logout),
    suspended: wire.suspended,
    groups: wire.groups?.map(({ id, priority }) => ({ id, priority })),
  };
}

/**
 * Lists the organization's agents (bots excluded). Scope `agents--all:ro`.
 * @see https://platform.text.com/docs/management/configuration-api#list-agents
 */
export async function listAgents(
  ctx: LiveChatContext,
  params: { filters?: { groupIds?: number[]; suspended?: boolean }; fields?: AgentField[] } = {},
): Promise<Agent[]> {
  const { filters, fields } = params;
  const wire = await request(ctx, "configuration/action/list_agents", {
    body: {
      filters: filters && { group_ids: filters.groupIds, suspended: filters.suspended },
      fields: fields?.map((field) => WIRE_FIELDS[field]),
    },
    schema: z.array(z.unknown()),
  });
  const parsed = wire.map(parseAgentWire);
  logSkipped("livechat.agents_skipped", "agents", parsed, { action: "list_agents" });
  return parsed.flatMap(({ wire: agent }) => (agent ? [toAgent(agent)] : []));
}

/**
 * Reads one agent of the organization. Scope `agents--all:ro`. An unknown id, or an agent of
 * another organization, fails with a `LiveChatApiError` of type `not_found`.
 * @see https://platform.text.com/docs/management/configuration-api#get-agent
 */
export async function getAgent(
  ctx: LiveChatContext,
  params: { id: string; fields?: AgentField[] },
): Promise<Agent> {
  const { id, fields } = params;
  const wire = await request(ctx, "configuration/action/get_agent", {
    body: { id, fields: fields?.map((field) => WIRE_FIELDS[field]) },
    schema: agentSchema,
  });
  return toAgent(wire);
}

// get_agent answers one agent: without an id there is nothing to show, so the answer is invalid.
const agentSchema = z.unknown().transform((raw, ctx): AgentWire => {
  const parsed = parseAgentWire(raw);
  if (parsed.wire) {
    logSkipped("livechat.agents_skipped", "agents", [parsed], { action: "get_agent" });
    return parsed.wire;
  }
  ctx.addIssue({ code: "custom", message: "not an agent with an id" });
  return z.NEVER;
});

function toDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
