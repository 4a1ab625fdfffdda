import { z } from "zod";
import type { Context, Routes } from "../context";
import { avatarUrl } from "../agents";
import { accounts, agents, groups, organizations } from "../fixtures";
import { readJson } from "../errors";
import { addFault, clearFaults, faultSchema } from "../faults";
import { requestOrigin, sendJson } from "../http";
import { clearRequests } from "../request-log";
import { resetStore, type AccessToken } from "../state";
import { expireAccessTokens, revokeAccessToken, revokeRefreshToken } from "../tokens";

// Test controls under /_emulator/: JSON in and out. Other test tools rely on these names.

const tokenTargetSchema = z.union([
  z.object({ access_token: z.string().min(1) }),
  z.object({ account_id: z.string().min(1) }),
]);

interface TokenTarget {
  tokens: AccessToken[];
  /** Set when the request named an account rather than one token. */
  accountId: string | null;
}

/** The access tokens a control request names; null (after answering) for a bad body or unknown token. */
async function readTokenTarget(ctx: Context): Promise<TokenTarget | null> {
  const target = await readJson(ctx, tokenTargetSchema);
  if (!target) return null;
  if ("account_id" in target) {
    const tokens = [...ctx.store.accessTokens.values()].filter(
      (t) => t.accountId === target.account_id,
    );
    return { tokens, accountId: target.account_id };
  }
  const token = ctx.store.accessTokens.get(target.access_token);
  if (!token) sendJson(ctx.res, 404, { error: "Unknown access_token" });
  return token ? { tokens: [token], accountId: null } : null;
}

async function expireTokens(ctx: Context): Promise<void> {
  const target = await readTokenTarget(ctx);
  if (!target) return;
  expireAccessTokens(target.tokens);
  sendJson(ctx.res, 200, { expired: target.tokens.length });
}

async function revokeTokens(ctx: Context): Promise<void> {
  const target = await readTokenTarget(ctx);
  if (!target) return;
  for (const token of target.tokens) revokeAccessToken(ctx.store, token);
  for (const refresh of ctx.store.refreshTokens.values()) {
    if (refresh.accountId === target.accountId) revokeRefreshToken(ctx.store, refresh);
  }
  sendJson(ctx.res, 200, { revoked: target.tokens.length });
}

function listTokens(ctx: Context): void {
  const accountId = ctx.url.searchParams.get("account_id");
  const rows = [...ctx.store.accessTokens.values()]
    .filter((t) => accountId === null || t.accountId === accountId)
    .map((t) => ({
      access_token: t.value,
      refresh_token: t.refreshToken,
      client_id: t.clientId,
      expires_at: new Date(t.expiresAt).toISOString(),
      revoked: t.revoked,
      refresh_token_revoked: ctx.store.refreshTokens.get(t.refreshToken)?.revoked ?? true,
    }));
  sendJson(ctx.res, 200, rows);
}

async function postFault(ctx: Context): Promise<void> {
  const fault = await readJson(ctx, faultSchema);
  if (!fault) return;
  addFault(ctx.store, fault);
  sendJson(ctx.res, 201, { fault });
}

function deleteFaults(ctx: Context): void {
  sendJson(ctx.res, 200, { cleared: clearFaults(ctx.store) });
}

function listRequests(ctx: Context): void {
  const { store } = ctx;
  sendJson(ctx.res, 200, {
    total: store.requestTotal,
    counts: Object.fromEntries(store.requestCounts),
    requests: store.requests,
  });
}

function deleteRequests(ctx: Context): void {
  clearRequests(ctx.store);
  sendJson(ctx.res, 200, {});
}

function fixtures(ctx: Context): void {
  const origin = requestOrigin(ctx.req);
  const withAvatars = agents.map((agent) => ({ ...agent, avatar_path: avatarUrl(agent, origin) }));
  sendJson(ctx.res, 200, {
    organizations,
    accounts,
    clients: ctx.config.clients,
    agents: withAvatars,
    groups,
  });
}

const moveSchema = z.object({
  organization_id: z.string().min(1),
  region: z.string().regex(/^[a-z]+(?:-[a-z0-9]+)?$/),
});

/**
 * LiveChat moves an organization's data to another region. Its tokens, those already issued and
 * any issued later (the seeded prefix), keep their region prefix: only the region reply changes.
 */
async function moveOrganization(ctx: Context): Promise<void> {
  const move = await readJson(ctx, moveSchema);
  if (!move) return;
  if (!organizations.some((o) => o.organization_id === move.organization_id))
    return sendJson(ctx.res, 404, { error: "Unknown organization_id" });
  ctx.store.movedOrganizations.set(move.organization_id, move.region);
  sendJson(ctx.res, 200, { organization_id: move.organization_id, region: move.region });
}

/** Turns LiveChat's redirect limit on or off until the next reset (which restores the configured one). */
async function setRedirectLimit(ctx: Context): Promise<void> {
  const body = await readJson(ctx, z.object({ enabled: z.boolean() }).strict());
  if (!body) return;
  ctx.store.redirectLimit = body.enabled;
  sendJson(ctx.res, 200, { enabled: body.enabled });
}

function reset(ctx: Context): void {
  resetStore(ctx.store);
  sendJson(ctx.res, 200, {});
}

export const controlRoutes: Routes = {
  "GET /_emulator/fixtures": fixtures,
  "POST /_emulator/faults": postFault,
  "DELETE /_emulator/faults": deleteFaults,
  "POST /_emulator/tokens/expire": expireTokens,
  "POST /_emulator/tokens/revoke": revokeTokens,
  "GET /_emulator/tokens": listTokens,
  "GET /_emulator/requests": listRequests,
  "DELETE /_emulator/requests": deleteRequests,
  "POST /_emulator/organizations/move": moveOrganization,
  "POST /_emulator/reset": reset,
  "PUT /_emulator/redirect-limit": setRedirectLimit,
};
