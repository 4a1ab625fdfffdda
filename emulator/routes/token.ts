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

const invalidRequest = (ctx: Context, description: string) =>
  sendAccountsError(ctx.res, 400, "invalid_request", description);
const invalidGrant = (ctx: Context, description: string) =>
  sendAccountsError(ctx.res, 400, "invalid_grant", description);

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
  if (!params.code || !params.redirect_uri)
    return invalidRequest(ctx, "code and redirect_uri are required");
  const code = ctx.store.codes.get(params.code);
  if (!code || code.clientId !== client.client_id)
    return invalidGrant(ctx, "Unknown authorization code");
  if (code.family) {
    // A replayed code may be stolen: revoke what the first exchange issued (RFC 6749, 4.1.2).
    revokeFamily(ctx.store, code.family);
    return invalidGrant(
      ctx,
      "The authorization code was already used; the tokens issued for it are revoked",
    );
  }
  if (code.expiresAt <= Date.now()) return invalidGrant(ctx, "The authorization code expired");
  if (code.redirectUri !== params.redirect_uri)
    return invalidGrant(ctx, "redirect_uri differs from the authorization request");
  const problem = pkceProblem(code, client, params.code_verifier);
  if (problem) return invalidGrant(ctx, problem);

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
    scopes: code.scopes,
  };
  const refresh = issueRefreshToken(ctx.store, grant);
  sendTokens(ctx, issueAccessToken(ctx.store, grant, refresh.value, ctx.config.accessTokenTtlMs));
}

function refresh(ctx: Context, client: Client, params: TokenRequest): void {
  if (!params.refresh_token) return invalidRequest(ctx, "refresh_token is required");
  const old = ctx.store.refreshTokens.get(params.refresh_token);
  if (!old || old.revoked || old.clientId !== client.client_id)
    return invalidGrant(ctx, "Unknown or revoked refresh token");
  // Confidential clients' refresh tokens never rotate: the response repeats the same value.
  const current = client.client_secret === null ? rotateRefreshToken(ctx.store, old) : old;
  sendTokens(
    ctx,
    issueAccessToken(ctx.store, grantOf(current), current.value, ctx.config.accessTokenTtlMs),
  );
}

async function token(ctx: Context): Promise<void> {
  const body = await readParams(ctx.req);
  const parsed = body ? tokenRequestSchema.safeParse(body) : null;
  if (!parsed?.success)
    return invalidRequest(
      ctx,
      "The body must be a form-encoded or JSON object of string parameters",
    );
  const params = parsed.data;
  if (!params.grant_type || !params.client_id)
    return invalidRequest(ctx, "grant_type and client_id are required");
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
  sendAccountsError(
    ctx.res,
    400,
    "unsupported_grant_type",
    `Unsupported grant_type: ${params.grant_type}`,
  );
}

export const tokenRoutes: Routes = { "POST /v2/token": token };
