import { z } from "zod";
import type { Context, Routes } from "../context";
import { accounts, organizations } from "../fixtures";
import { sendAccountsError } from "../errors";
import { readParams, sendJson } from "../http";
import { verifyPkce } from "../pkce";
import { randomToken, safeEqual } from "../secrets";
import type { AccessToken, AuthCode, TokenGrant } from "../state";
import {
  grantOf,
  issueAccessToken,
  issueRefreshToken,
  revokeFamily,
  rotateRefreshToken,
} from "../tokens";
import type { Client } from "../types";

// `POST /v2/token`: the authorization_code and refresh_token grants.

// Empty form fields count as absent.
const optional = z
  .string()
  .optional()
  .transform((value) => value || undefined);

const tokenRequestSchema = z.object({
  grant_type: optional,
  client_id: optional,
  client_secret: optional,
  code: optional,
  redirect_uri: optional,
  code_verifier: optional,
  refresh_token: optional,
});

type TokenRequest = z.infer<typeof tokenRequestSchema>;

// Statuses and codes of `POST /v2/token` as livechat-public-docs lists them: the Global Accounts
// API spec (src/configs/redoc/global-accounts-api/spec.yml L2221-2270) has 401, 403, 422, 429 and
// 500 and no 400; the authorization troubleshooting page (src/pages/authorization/troubleshooting/
// index.mdx L128-190) gives the code for each reason.

/** The spec's 422 text (ref_9, spec.yml L429-448), also troubleshooting L123. */
const INVALID_REQUEST =
  "The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.";
/** Troubleshooting L74-76 and L130: an expired, unknown or already-used code. */
const UNAUTHORIZED_CLIENT = "The client is not authorized to request a token using this method.";

/** 422 `invalid_request` naming each missing field, as the spec's `invalid_fields` example does. */
function missingFields(ctx: Context, fields: Record<string, string | undefined>): boolean {
  const missing = Object.keys(fields).filter((name) => !fields[name]);
  if (missing.length === 0) return false;
  const invalidFields = Object.fromEntries(missing.map((name) => [name, "is required"]));
  sendAccountsError(ctx.res, 422, "invalid_request", INVALID_REQUEST, {
    invalid_fields: invalidFields,
  });
  return true;
}

/** A refused grant: the spec's 401 ("...or the provided parameters are invalid"). */
const refused = (ctx: Context, error: string, description: string) =>
  sendAccountsError(ctx.res, 401, error, description);
// The docs' own wording for a code LiveChat does not accept (troubleshooting L74-76), although
// RFC 6749 and the page's invalid_grant entry (L179-184) would say invalid_grant.
const codeRefused = (ctx: Context) => refused(ctx, "unauthorized_client", UNAUTHORIZED_CLIENT);

function sendTokens(ctx: Context, access: AccessToken): void {
  const body = {
    access_token: access.value,
    account_id: access.accountId,
    expires_in: Math.round(ctx.config.accessTokenTtlMs / 1000),
    organization_id: access.organizationId,
    refresh_token: access.refreshToken,
    scope: access.scopes.join(","),
    token_type: "Bearer",
  };
  sendJson(ctx.res, 200, body, { "Cache-Control": "no-store", Pragma: "no-cache" });
}

function pkceProblem(code: AuthCode, client: Client, verifier: string | undefined): string | null {
  if (code.challenge) {
    const ok =
      verifier !== undefined && verifyPkce(code.challenge.method, code.challenge.value, verifier);
    return ok ? null : "code_verifier does not match the code_challenge";
  }
  if (client.client_secret === null) return "Public clients must use PKCE";
  // A verifier for a code issued without a challenge would hide a PKCE downgrade.
  return verifier
    ? "code_verifier sent, but the authorization request had no code_challenge"
    : null;
}

function exchangeCode(ctx: Context, client: Client, params: TokenRequest): void {
  if (missingFields(ctx, { code: params.code, redirect_uri: params.redirect_uri })) return;
  const code = ctx.store.codes.get(params.code ?? "");
  if (!code || code.clientId !== client.client_id) return codeRefused(ctx);
  if (code.family) {
    // "It can be exchanged for an access or refresh token only once" (troubleshooting L76). A
    // replayed code may be stolen: revoke what the first exchange issued (RFC 6749, 4.1.2).
    revokeFamily(ctx.store, code.family);
    return codeRefused(ctx);
  }
  if (code.expiresAt <= Date.now()) return codeRefused(ctx);
  // "invalid redirect URI" is a reason of unauthorized_client (troubleshooting L136).
  if (code.redirectUri !== params.redirect_uri)
    return refused(ctx, "unauthorized_client", "invalid redirect URI");
  // The docs say nothing of PKCE failures: RFC 7636 4.6 answers invalid_grant.
  const problem = pkceProblem(code, client, params.code_verifier);
  if (problem) return refused(ctx, "invalid_grant", problem);

  const account = accounts.find((a) => a.account_id === code.accountId);
  const organization = organizations.find((o) => o.organization_id === account?.organization_id);
  if (!account || !organization) throw new Error(`Code for unknown account ${code.accountId}`);
  code.family = randomToken(16);
  const grant: TokenGrant = {
    family: code.family,
    clientId: client.client_id,
    accountId: account.account_id,
    organizationId: organization.organization_id,
    region: organization.region,
    tokenPrefix: organization.token_prefix,
    scopes: code.scopes,
  };
  const refresh = issueRefreshToken(ctx.store, grant, ctx.config.refreshTokenTtlMs);
  sendTokens(ctx, issueAccessToken(ctx.store, grant, refresh.value, ctx.config.accessTokenTtlMs));
}

function refresh(ctx: Context, client: Client, params: TokenRequest): void {
  if (missingFields(ctx, { refresh_token: params.refresh_token })) return;
  const old = ctx.store.refreshTokens.get(params.refresh_token ?? "");
  // The reasons troubleshooting L134, L183 and L190 give, in its words. A revoked token is gone.
  if (!old || old.revoked) return refused(ctx, "unauthorized_client", "refresh token not found");
  if (old.clientId !== client.client_id)
    return refused(ctx, "invalid_client", "using refresh token with wrong client id");
  if (old.expiresAt !== null && old.expiresAt <= Date.now())
    return refused(ctx, "invalid_grant", "refresh token expired");
  // Confidential clients' refresh tokens never rotate: the response repeats the same value.
  const current =
    client.client_secret === null
      ? rotateRefreshToken(ctx.store, old, ctx.config.refreshTokenTtlMs)
      : old;
  sendTokens(
    ctx,
    issueAccessToken(ctx.store, grantOf(current), current.value, ctx.config.accessTokenTtlMs),
  );
}

async function token(ctx: Context): Promise<void> {
  const body = await readParams(ctx.req);
  const parsed = body ? tokenRequestSchema.safeParse(body) : null;
  // "invalid HTTP body encoding" is a reason of invalid_request (troubleshooting L126).
  if (!parsed?.success) return sendAccountsError(ctx.res, 422, "invalid_request", INVALID_REQUEST);
  const params = parsed.data;
  if (missingFields(ctx, { grant_type: params.grant_type, client_id: params.client_id })) return;
  const client = ctx.config.clients.find((c) => c.client_id === params.client_id);
  if (!client) return sendAccountsError(ctx.res, 401, "invalid_client", "Unknown client_id");
  if (
    client.client_secret !== null &&
    !safeEqual(params.client_secret ?? "", client.client_secret)
  ) {
    const description = params.client_secret
      ? "Wrong client_secret"
      : "client_secret is required in the body (HTTP Basic is not supported)";
    return sendAccountsError(ctx.res, 401, "invalid_client", description);
  }
  if (params.grant_type === "authorization_code") return exchangeCode(ctx, client, params);
  if (params.grant_type === "refresh_token") return refresh(ctx, client, params);
  // The spec's 403: "wrong or unsupported `grant_type` provided"; the code and text of
  // troubleshooting L173-177.
  sendAccountsError(
    ctx.res,
    403,
    "unsupported_grant_type",
    "The authorization grant type is not supported by the authorization server.",
  );
}

export const tokenRoutes: Routes = { "POST /v2/token": token };
