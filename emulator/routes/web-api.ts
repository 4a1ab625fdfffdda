import { z } from "zod";
import type { Context, Handler, Routes } from "../context";
import { OPTIONAL_AGENT_FIELDS, agentsOf, toLegacyAgent, toWireAgent } from "../agents";
import { describeIssues, sendWebError } from "../errors";
import { OPTIONAL_GROUP_FIELDS, groupsOf, toWireGroup } from "../groups";
import { bearerToken, readJsonBody, requestOrigin, sendJson } from "../http";
import { hasScope } from "../scopes";
import type { AccessToken } from "../state";
import { findLiveAccessToken } from "../tokens";

// The REST APIs: Configuration API (agents, groups) and Agent Chat API v3.6, and the legacy v2
// agents list.

const groupIds = z.array(z.number().int().min(0)).optional();
const fields = z.array(z.enum(OPTIONAL_AGENT_FIELDS)).optional();
const listAgentsSchema = z
  .object({
    filters: z
      .object({ group_ids: groupIds, suspended: z.boolean().optional() })
      .strict()
      .optional(),
    fields,
  })
  .strict();
const getAgentSchema = z.object({ id: z.string().min(1), fields }).strict();
const listGroupsSchema = z
  .object({ fields: z.array(z.enum(OPTIONAL_GROUP_FIELDS)).optional() })
  .strict();
const listRoutingStatusesSchema = z
  .object({ filters: z.object({ group_ids: groupIds }).strict().optional() })
  .strict();

function authenticate(ctx: Context): AccessToken | null {
  const token = findLiveAccessToken(ctx.store, bearerToken(ctx.req));
  if (!token) {
    sendWebError(ctx.res, "authentication", "The access token is invalid, expired or revoked");
    return null;
  }
  // The organization's data is served from one region; a call directed elsewhere is refused with
  // the right region in `data.region` (configuration-api/index.mdx L4384-4399; agent-chat-api
  // L2629-2642). Without X-Region the call is accepted: the docs no longer document the header.
  const serving = ctx.store.movedOrganizations.get(token.organizationId) ?? token.region;
  const region = ctx.req.headers["x-region"];
  if (typeof region === "string" && region !== serving) {
    sendWebError(ctx.res, "misdirected_request", "Wrong region", { region: serving });
    return null;
  }
  return token;
}

/** Wraps an action: token, region, JSON body shape and scope are checked before `run`. */
function action<S extends z.ZodType>(
  schema: S,
  allowed: (token: AccessToken, body: z.infer<S>) => boolean,
  run: (ctx: Context, token: AccessToken, body: z.infer<S>) => void,
): Handler {
  return async (ctx) => {
    const token = authenticate(ctx);
    if (!token) return;
    const parsed = schema.safeParse(await readJsonBody(ctx.req));
    if (!parsed.success)
      return sendWebError(
        ctx.res,
        "validation",
        `Invalid request body: ${describeIssues(parsed.error)}`,
      );
    if (!allowed(token, parsed.data))
      return sendWebError(ctx.res, "authorization", "The token lacks the scope this action needs");
    run(ctx, token, parsed.data);
  };
}

const canListAgents = (token: AccessToken) => hasScope(token.scopes, "agents--all:ro");

const listAgents = action(listAgentsSchema, canListAgents, (ctx, token, body) => {
  const origin = requestOrigin(ctx.req);
  sendJson(
    ctx.res,
    200,
    agentsOf(token.organizationId, body.filters).map((a) => toWireAgent(a, origin, body.fields)),
  );
});

const getAgent = action(
  getAgentSchema,
  // `agents--my` lets an agent read itself; `agents--all` lets it read anyone in its organization.
  (token, body) =>
    canListAgents(token) || (hasScope(token.scopes, "agents--my:ro") && isOwnAgent(token, body.id)),
  (ctx, token, body) => {
    const agent = agentsOf(token.organizationId).find((a) => a.id === body.id);
    if (!agent) return sendWebError(ctx.res, "not_found", `Agent not found: ${body.id}`);
    sendJson(ctx.res, 200, toWireAgent(agent, requestOrigin(ctx.req), body.fields, "get_agent"));
  },
);

function isOwnAgent(token: AccessToken, agentId: string): boolean {
  return agentsOf(token.organizationId).some(
    (a) => a.id === agentId && a.account_id === token.accountId,
  );
}

// `groups--all:ro` only (configuration-api/index.mdx L2603): `groups--my:ro` is enough for
// get_group of one's own group (L2654), never for list_groups.
const listGroups = action(
  listGroupsSchema,
  (token) => hasScope(token.scopes, "groups--all:ro"),
  (ctx, token, body) => {
    sendJson(
      ctx.res,
      200,
      groupsOf(token.organizationId).map((group) => toWireGroup(group, body.fields)),
    );
  },
);

const listRoutingStatuses = action(listRoutingStatusesSchema, canListAgents, (ctx, token, body) => {
  // Logged-out humans are not listed: a human's routing status is only ever `accepting_chats` or
  // `not_accepting_chats` (agent-chat-api/index.mdx L2192); only bots can be `offline`.
  const statuses = agentsOf(token.organizationId, body.filters)
    .filter((a) => a.routing_status !== "offline")
    .map((a) => ({ agent_id: a.id, status: a.routing_status }));
  sendJson(ctx.res, 200, statuses);
});

function legacyAgents(ctx: Context): void {
  // The oldest docs call `/agents` and pick the version with a header.
  if (ctx.url.pathname === "/agents" && ctx.req.headers["x-api-version"] !== "2") {
    return sendWebError(
      ctx.res,
      "unsupported_version",
      "Send X-API-Version: 2 (or use /v2/agents)",
    );
  }
  const token = authenticate(ctx);
  if (!token) return;
  if (!canListAgents(token))
    return sendWebError(ctx.res, "authorization", "The token lacks the agents--all:ro scope");
  const origin = requestOrigin(ctx.req);
  sendJson(
    ctx.res,
    200,
    agentsOf(token.organizationId).map((a) => toLegacyAgent(a, origin)),
  );
}

export const webApiRoutes: Routes = {
  "POST /v3.6/configuration/action/list_agents": listAgents,
  "POST /v3.6/configuration/action/get_agent": getAgent,
  "POST /v3.6/configuration/action/list_groups": listGroups,
  "POST /v3.6/agent/action/list_routing_statuses": listRoutingStatuses,
  "GET /v2/agents": legacyAgents,
  "GET /agents": legacyAgents,
};
