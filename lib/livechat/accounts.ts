import { z } from "zod";
import { accountsRequest, type AccountsConfig, type AccountsEndpoint } from "./accounts-request";
import { LiveChatAuthError } from "./errors";

/** The tokens the accounts server issues (at sign-in or refresh), as the token store keeps them. */
export type TokenSet = {
  accessToken: string;
  /** Null when the response carried none: keep using the previous refresh token. */
  refreshToken: string | null;
  expiresAt: Date;
  /** Comma-separated, as LiveChat sends it: `agents--all:ro,accounts--my:ro`. */
  scope: string | null;
  tokenType: string | null;
  accountId: string;
  organizationId: string;
};

const tokenWireSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().nullish(),
  expires_in: z.number(),
  scope: z.string(),
  token_type: z.string(),
  account_id: z.string(),
  organization_id: z.string(),
});

export type TokenWire = z.infer<typeof tokenWireSchema>;

/** Maps a `/v2/token` response to a `TokenSet`; `now` is when the request was sent. */
export function toTokenSet(wire: TokenWire, now: Date): TokenSet {
  return {
    accessToken: wire.access_token,
    refreshToken: wire.refresh_token || null,
    expiresAt: new Date(now.getTime() + wire.expires_in * 1000),
    scope: wire.scope,
    tokenType: wire.token_type,
    accountId: wire.account_id,
    organizationId: wire.organization_id,
  };
}

/** What a code exchange needs besides the app's client: the code and what it was asked with. */
export type CodeGrant = { code: string; redirectUri: string; codeVerifier: string };

/**
 * Exchanges an authorization code (with its PKCE verifier) for tokens. next-auth does this for the
 * redirect flow; the widgets' popup flow, where the code comes back by postMessage, calls it here.
 * @see https://platform.text.com/docs/authorization/oauth-authorization#authorization-code-grant
 */
export function exchangeCode(cfg: AccountsConfig, grant: CodeGrant): Promise<TokenSet> {
  return requestTokens(cfg, "code exchange", {
    grant_type: "authorization_code",
    code: grant.code,
    redirect_uri: grant.redirectUri,
    code_verifier: grant.codeVerifier,
  });
}

/** `POST /v2/token` with the app's client: `grant_type` and the grant's values (all secret). */
async function requestTokens(
  cfg: AccountsConfig,
  operation: string,
  { grant_type, ...grant }: { grant_type: string } & Record<string, string>,
): Promise<TokenSet> {
  // Counting the lifetime from before the request keeps expiresAt on the early, safe side.
  const now = new Date();
  const form = new URLSearchParams({ grant_type, ...grant, client_id: cfg.clientId });
  if (cfg.clientSecret) form.set("client_secret", cfg.clientSecret);
  const wire = await accountsRequest(cfg, {
    operation,
    method: "POST",
    path: "/v2/token",
    form,
    schema: tokenWireSchema,
    secrets: [...Object.values(grant), cfg.clientSecret],
  });
  return toTokenSet(wire, now);
}

const accountWireSchema = z.looseObject({
  account_id: z.string().min(1),
  name: z.string(),
  email: z.string().min(1),
  avatar_url: z.string().nullish(),
});

/** Who signed in, as `GET /v2/accounts/me` (scope `accounts--my:ro`) answers. */
export type LiveChatAccountProfile = {
  accountId: string;
  name: string;
  email: string;
  avatarUrl: string | null;
};

/**
 * The account the access token belongs to.
 * @see https://platform.text.com/docs/authorization/authorization-in-practice
 */
export async function getMyAccount(
  cfg: AccountsEndpoint,
  accessToken: string,
): Promise<LiveChatAccountProfile> {
  const wire = await accountsRequest(cfg, {
    operation: "account read",
    method: "GET",
    path: "/v2/accounts/me",
    bearer: accessToken,
    schema: accountWireSchema,
  });
  return {
    accountId: wire.account_id,
    name: wire.name,
    email: wire.email,
    avatarUrl: wire.avatar_url || null,
  };
}

/**
 * Exchanges a refresh token for a new access token. Never retries: the caller decides, using
 * `LiveChatAuthError.endsSession`.
 * @see https://platform.text.com/docs/authorization/agent-authorization#using-the-refresh-token
 */
export function refreshAccessToken(cfg: AccountsConfig, refreshToken: string): Promise<TokenSet> {
  return requestTokens(cfg, "token refresh", {
    grant_type: "refresh_token",
    refresh_token: refreshToken,
  });
}

/**
 * Revokes an access or refresh token (an access token takes its refresh token with it).
 * Idempotent: a token the server no longer knows (404) counts as revoked.
 * @see https://platform.text.com/docs/authorization/agent-authorization#revoking-tokens
 */
export async function revokeToken(cfg: AccountsEndpoint, token: string): Promise<void> {
  try {
    await accountsRequest(cfg, {
      operation: "token revocation",
      method: "DELETE",
      path: "/v2/token",
      bearer: token,
      schema: z.unknown(),
    });
  } catch (error) {
    if (error instanceof LiveChatAuthError && error.status === 404) return;
    throw error;
  }
}
