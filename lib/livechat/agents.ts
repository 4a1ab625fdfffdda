import { z } from "zod";
import { toAvatarUrl } from "./avatar-url";
import { request, type LiveChatContext } from "./request";

export type AgentRole = "owner" | "viceowner" | "administrator" | "normal" | (string & {});

export type AgentGroup = { id: number; priority: string };

/** An agent of the organization, as the dashboard uses it. */
export type Agent = {
  /** The agent's email: LiveChat uses it as the agent ID. */
  id: string;
  accountId: string;
  name: string;
  avatarUrl: string | null;
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

const agentWireSchema = z.looseObject({
  id: z.string(),
  account_id: z.string(),
  name: z.string(),
  // list_agents sends `avatar_path`; the docs' get_agent sample sends `avatar`.
  avatar_path: z.string().nullish(),
  avatar: z.string().nullish(),
  role: z.string(),
  login_status: z.string().optional(),
  job_title: z.string().optional(),
  max_chats_count: z.number().optional(),
  // Omitted for an agent that never logged out; tolerated as null too.
  last_logout: z.string().nullish(),
  suspended: z.boolean().optional(),
  groups: z.array(z.looseObject({ id: z.number(), priority: z.string() })).optional(),
});

export type AgentWire = z.infer<typeof agentWireSchema>;

/** Maps LiveChat's agent object to ours. */
export function toAgent(wire: AgentWire): Agent {
  return {
    id: wire.id,
    accountId: wire.account_id,
    name: wire.name,
    avatarUrl: toAvatarUrl(wire.avatar_path ?? wire.avatar),
    role: wire.role,
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
    schema: z.array(agentWireSchema),
  });
  return wire.map(toAgent);
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
    schema: agentWireSchema,
  });
  return toAgent(wire);
}

function toDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
