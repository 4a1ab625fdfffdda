import type { Context, Routes } from "../context";
import { accounts } from "../fixtures";
import { sendAccountsError } from "../errors";
import { bearerToken, sendJson } from "../http";
import { hasScope } from "../scopes";
import type { AccessToken } from "../state";
import { findLiveAccessToken, revokeAccessToken, revokeRefreshToken } from "../tokens";

// Accounts server endpoints that take a token: info, revocation and the current account.

function requireToken(ctx: Context): AccessToken | null {
  const token = findLiveAccessToken(ctx.store, bearerToken(ctx.req, ctx.url));
  if (!token)
    sendAccountsError(
      ctx.res,
      401,
      "unauthorized",
      "The access token is invalid, expired or revoked",
    );
  return token;
}

function info(ctx: Context): void {
  const token = requireToken(ctx);
  if (!token) return;
  const refresh = ctx.store.refreshTokens.get(token.refreshToken);
  sendJson(
    ctx.res,
    200,
    {
      access_token: token.value,
      account_id: token.accountId,
      client_id: token.clientId,
      expires_in: Math.max(0, Math.floor((token.expiresAt - Date.now()) / 1000)),
      organization_id: token.organizationId,
      scope: token.scopes.join(","),
      token_type: "Bearer",
      ...(refresh && !refresh.revoked ? { refresh_token: refresh.value } : {}),
    },
    { "Cache-Control": "no-store" },
  );
}

function revoke(ctx: Context): void {
  const value = bearerToken(ctx.req, ctx.url);
  if (!value)
    return sendAccountsError(
      ctx.res,
      400,
      "invalid_request",
      "Send the token as a Bearer header or ?code=",
    );
  const access = ctx.store.accessTokens.get(value);
  const refresh = ctx.store.refreshTokens.get(value);
  if (access) revokeAccessToken(ctx.store, access);
  else if (refresh) revokeRefreshToken(ctx.store, refresh);
  // The spec's 404 "Not found, the token doesn't exist." with its ref_11 body
  // (global-accounts-api/spec.yml L2271-2294, L514-533).
  else
    return sendAccountsError(
      ctx.res,
      404,
      "resource_not_found",
      "The requested resource couldn't be found.",
    );
  sendJson(ctx.res, 200, {});
}

function me(ctx: Context): void {
  const token = requireToken(ctx);
  if (!token) return;
  if (!hasScope(token.scopes, "accounts--my:ro")) {
    // The spec's 403 "Forbidden: Insufficient scope" (ref_5, spec.yml L254-272, L503-507).
    return sendAccountsError(
      ctx.res,
      403,
      "access_denied",
      "The resource owner or authorization server denied the request.",
      { sub_error: "insufficient_scope" },
    );
  }
  const account = accounts.find((a) => a.account_id === token.accountId);
  if (!account) throw new Error(`Token for unknown account ${token.accountId}`);
  sendJson(ctx.res, 200, {
    account_id: account.account_id,
    name: account.name,
    email: account.email,
    email_verified: true,
    // One of the spec's enum values, capitalised as it writes them (spec.yml L70-79).
    default_product: "LiveChat",
    default_organization_id: account.organization_id,
    avatar_url: null,
    created_at: account.created_at,
    updated_at: account.created_at,
  });
}

export const accountsRoutes: Routes = {
  "GET /v2/info": info,
  "DELETE /v2/token": revoke,
  "GET /v2/accounts/me": me,
};
