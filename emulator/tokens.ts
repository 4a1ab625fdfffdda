import type { AccessToken, RefreshToken, Store, TokenGrant } from "./state";
import { randomToken } from "./secrets";

// LiveChat keeps at most 25 live access and 25 live refresh tokens per client per account.
const LIVE_TOKEN_CAP = 25;

const sameOwner = (a: TokenGrant, b: TokenGrant) =>
  a.clientId === b.clientId && a.accountId === b.accountId;

/** What a token's successors inherit from it. */
export function grantOf(token: TokenGrant): TokenGrant {
  const { family, clientId, accountId, organizationId, region, tokenPrefix, scopes } = token;
  return { family, clientId, accountId, organizationId, region, tokenPrefix, scopes };
}

function isLive(token: AccessToken, now = Date.now()): boolean {
  return !token.revoked && token.expiresAt > now;
}

/** The access token if it exists, is not revoked and has not expired. */
export function findLiveAccessToken(store: Store, value: string | null): AccessToken | null {
  const token = value ? store.accessTokens.get(value) : undefined;
  return token && isLive(token) ? token : null;
}

/** Maps iterate in insertion order, so `live` is oldest first. */
function revokeOldest(live: { revoked: boolean }[]): void {
  for (const token of live.slice(0, Math.max(0, live.length - LIVE_TOKEN_CAP)))
    token.revoked = true;
}

export function issueRefreshToken(
  store: Store,
  grant: TokenGrant,
  ttlMs: number | null,
): RefreshToken {
  const token: RefreshToken = {
    ...grant,
    value: randomToken(32),
    expiresAt: ttlMs === null ? null : Date.now() + ttlMs,
    revoked: false,
  };
  store.refreshTokens.set(token.value, token);
  revokeOldest([...store.refreshTokens.values()].filter((t) => !t.revoked && sameOwner(t, grant)));
  return token;
}

/**
 * Public clients' refresh tokens are single use: the old one dies and a new one takes its place.
 * Unlike revokeRefreshToken, the access tokens already issued with it stay valid until they expire.
 */
export function rotateRefreshToken(
  store: Store,
  old: RefreshToken,
  ttlMs: number | null,
): RefreshToken {
  old.revoked = true;
  return issueRefreshToken(store, grantOf(old), ttlMs);
}

export function issueAccessToken(
  store: Store,
  grant: TokenGrant,
  refreshToken: string,
  ttlMs: number,
): AccessToken {
  const token: AccessToken = {
    ...grant,
    value: `${grant.tokenPrefix}:${randomToken(24)}`,
    refreshToken,
    expiresAt: Date.now() + ttlMs,
    revoked: false,
  };
  store.accessTokens.set(token.value, token);
  const now = Date.now();
  revokeOldest(
    [...store.accessTokens.values()].filter((t) => isLive(t, now) && sameOwner(t, grant)),
  );
  return token;
}

/** Makes the tokens expire now, as if their lifetime had run out; an earlier expiry stays. */
export function expireAccessTokens(tokens: AccessToken[]): void {
  const now = Date.now();
  for (const token of tokens) token.expiresAt = Math.min(token.expiresAt, now);
}

/** Revoking a refresh token also revokes the access tokens issued with it. */
export function revokeRefreshToken(store: Store, token: RefreshToken): void {
  token.revoked = true;
  for (const access of store.accessTokens.values()) {
    if (access.refreshToken === token.value) access.revoked = true;
  }
}

/** Revoking an access token also revokes its refresh token (and so its siblings). */
export function revokeAccessToken(store: Store, token: AccessToken): void {
  token.revoked = true;
  const refresh = store.refreshTokens.get(token.refreshToken);
  if (refresh) revokeRefreshToken(store, refresh);
}

/** Every token descended from one code exchange: used when that code is replayed. */
export function revokeFamily(store: Store, family: string): void {
  for (const token of [...store.accessTokens.values(), ...store.refreshTokens.values()]) {
    if (token.family === family) token.revoked = true;
  }
}
