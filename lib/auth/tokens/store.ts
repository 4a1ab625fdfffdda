import "server-only";
import { prisma } from "@/lib/db";
import { LiveChatAuthError, refreshAccessToken, type TokenSet } from "@/lib/livechat";
import { LiveChatUnavailableError, ReauthenticationRequiredError } from "../errors";
import { LIVECHAT_PROVIDER_ID } from "../livechat-provider";
import { servesOrganization } from "../organizations";
import { accountsConfig } from "./accounts-config";
import { isStillValid, needsRefresh, onRefreshFailure } from "./refresh-policy";
import { refreshOnce } from "./refresh-lease";
import { revokeQuietly } from "./revocation";
import { sealedColumns, unseal, unsealOrNull } from "./sealing";

// Reading tokens for API calls: a fresh access token per request, refreshed once per expiry
// across processes, and forgotten (and revoked at LiveChat) on sign-out.

/** A usable access token and what the caller needs to know about it. */
export interface AccessGrant {
  accessToken: string;
  /** The token version it came from: pass it back to `refreshRejectedToken`. */
  version: number;
  organizationId: string | null;
}

type AccountRow = NonNullable<Awaited<ReturnType<typeof findLiveChatAccount>>>;
type AccountWithTokens = AccountRow & { accessToken: string };

function findLiveChatAccount(userId: string) {
  return prisma.account.findFirst({ where: { userId, provider: LIVECHAT_PROVIDER_ID } });
}

function withTokens(account: AccountRow | null): AccountWithTokens {
  if (!account?.accessToken) throw new ReauthenticationRequiredError("no_tokens");
  return { ...account, accessToken: account.accessToken };
}

function grantOf(account: AccountRow | null): AccessGrant {
  const { accessToken, providerAccountId, tokenVersion, organizationId } = withTokens(account);
  return {
    accessToken: unseal(accessToken, providerAccountId, "access"),
    version: tokenVersion,
    organizationId,
  };
}

/**
 * A valid access token for the user's LiveChat account, refreshed when it is within the margin of
 * expiry. Throws ReauthenticationRequiredError or LiveChatUnavailableError.
 */
export async function getAccessToken(userId: string): Promise<AccessGrant> {
  return freshGrantOf(await findLiveChatAccount(userId));
}

/** The organization of a LiveChat account, read together with its tokens. */
export interface AccountOrganization {
  id: string;
  region: string;
  installedAt: Date;
  installer: { name: string | null; email: string | null } | null;
  /** Its app settings as stored, unchecked (lib/data reads them); null while never saved. */
  settings: { defaultStatuses: string[]; note: string } | null;
}

/** The user's LiveChat account as one read: who it is at LiveChat, its organization, its token. */
export interface LiveChatAccount {
  /** LiveChat's account id (`account_id`), which list_agents also names. */
  accountId: string;
  organization: AccountOrganization | null;
  /**
   * A valid access token, as `getAccessToken` gives it: the one already read while it is fresh
   * (no further query), else refreshed. Throws ReauthenticationRequiredError or
   * LiveChatUnavailableError.
   */
  accessGrant: () => Promise<AccessGrant>;
}

/**
 * Reads the user's LiveChat account, its organization, the installer's name and the
 * organization's settings in one SQL statement (relationJoins), for a page that needs them all;
 * null when none is linked.
 */
export async function getLiveChatAccount(userId: string): Promise<LiveChatAccount | null> {
  const found = await prisma.account.findFirst({
    where: { userId, provider: LIVECHAT_PROVIDER_ID },
    relationLoadStrategy: "join",
    include: {
      organization: {
        select: {
          id: true,
          region: true,
          installedAt: true,
          installedBy: { select: { name: true, email: true } },
          settings: { select: { defaultStatuses: true, note: true } },
        },
      },
    },
  });
  if (!found) return null;
  const { organization, ...account } = found;
  return {
    accountId: account.providerAccountId,
    organization: organization && {
      id: organization.id,
      region: organization.region,
      installedAt: organization.installedAt,
      installer: organization.installedBy,
      settings: organization.settings,
    },
    accessGrant: () => freshGrantOf(account),
  };
}

/**
 * A private app serves its own organization on every request, not only at sign-in: tokens of
 * another one (left from when the app was public, or from another LIVECHAT_ORGANIZATION_ID) are
 * revoked and forgotten, and the user must sign in again (which refuses them).
 */
async function refuseOtherOrganization(account: AccountWithTokens): Promise<void> {
  if (servesOrganization(account.organizationId)) return;
  const accessToken = unsealOrNull(account.accessToken, account.providerAccountId, "access");
  // Only these tokens: a sign-in may have stored new ones meanwhile.
  await clearTokens({ id: account.id, tokenVersion: account.tokenVersion });
  if (accessToken) await revokeQuietly(accessToken, "other organization");
  throw new ReauthenticationRequiredError("other_organization");
}

async function freshGrantOf(row: AccountRow | null): Promise<AccessGrant> {
  const account = withTokens(row);
  await refuseOtherOrganization(account);
  const current = grantOf(account);
  const now = new Date();
  if (!needsRefresh(account.accessTokenExpiresAt, now)) return current;
  return refreshOrFallBack(
    account,
    isStillValid(account.accessTokenExpiresAt, now) ? current : null,
  );
}

/**
 * LiveChat answered `authentication` to `rejected`: refresh once (unless another caller already
 * did) and return the new token. A second rejection is the caller's cue to re-authenticate.
 */
export async function refreshRejectedToken(
  userId: string,
  rejected: AccessGrant,
): Promise<AccessGrant> {
  const account = withTokens(await findLiveChatAccount(userId));
  await refuseOtherOrganization(account);
  const current = grantOf(account);
  if (current.version !== rejected.version) return current;
  return refreshOrFallBack(account, null);
}

/** Asks LiveChat for new tokens with the account's refresh token; the result, sealed and plain. */
async function refreshTokensOf(account: AccountRow) {
  if (!account.refreshToken) throw new ReauthenticationRequiredError("session_expired");
  const refreshToken = unseal(account.refreshToken, account.providerAccountId, "refresh");
  const tokens = await refreshAccessToken(accountsConfig(), refreshToken);
  // Confidential clients keep their refresh token; public clients get a new one each time.
  const issued: TokenSet = {
    ...tokens,
    accountId: account.providerAccountId,
    refreshToken: tokens.refreshToken ?? refreshToken,
  };
  return { columns: sealedColumns(issued), issued };
}

async function refreshOrFallBack(
  account: AccountRow,
  fallback: AccessGrant | null,
): Promise<AccessGrant> {
  try {
    const { row, issued } = await refreshOnce({
      id: account.id,
      version: account.tokenVersion,
      waitForOthers: fallback === null,
      refresh: () => refreshTokensOf(account),
      // Tokens replaced or cleared meanwhile won; the token this refresh got is not kept anywhere.
      discard: (tokens) => revokeQuietly(tokens.accessToken, "superseded"),
    });
    if (issued) {
      return {
        accessToken: issued.accessToken,
        version: row.tokenVersion,
        organizationId: row.organizationId,
      };
    }
    if (row.tokenVersion !== account.tokenVersion) return grantOf(row);
    // Another process holds the lease and the current token is still valid: no need to wait.
    return fallback ?? grantOf(row);
  } catch (error) {
    if (!(error instanceof LiveChatAuthError)) throw error;
    const outcome = onRefreshFailure(error.endsSession, fallback !== null);
    if (outcome === "use_current" && fallback) return fallback;
    if (outcome === "unavailable") throw new LiveChatUnavailableError({ cause: error });
    // Only forget the tokens that failed: a sign-in may have stored new ones meanwhile.
    const { count } = await clearTokens({ id: account.id, tokenVersion: account.tokenVersion });
    if (count === 0) return grantOf(await prisma.account.findUnique({ where: { id: account.id } }));
    // LiveChat answers an expired refresh token with invalid_grant "refresh token expired" and
    // a revoked (or pruned) one with unauthorized_client "refresh token not found"
    // (livechat-public-docs src/pages/authorization/troubleshooting/index.mdx L134, L183).
    const expired = error.code === "invalid_grant" && /expired/i.test(error.description ?? "");
    throw new ReauthenticationRequiredError(expired ? "session_expired" : "access_revoked", {
      cause: error,
    });
  }
}

/** Forgets tokens (not awaited here, so it can join a `$transaction`); rows without tokens stay untouched. */
export function clearTokens(
  where: { id: string; tokenVersion?: number } | { organizationId: string },
) {
  return prisma.account.updateMany({
    where: {
      ...where,
      provider: LIVECHAT_PROVIDER_ID,
      OR: [{ accessToken: { not: null } }, { refreshToken: { not: null } }],
    },
    data: {
      accessToken: null,
      refreshToken: null,
      accessTokenExpiresAt: null,
      refreshLeaseUntil: null,
      tokenVersion: { increment: 1 },
    },
  });
}

/** Sign-out: revoke the user's token at LiveChat (its refresh token goes with it) and forget it. */
export async function revokeUserTokens(userId: string): Promise<void> {
  const account = await findLiveChatAccount(userId);
  if (!account?.accessToken) return;
  const accessToken = unsealOrNull(account.accessToken, account.providerAccountId, "access");
  await clearTokens({ id: account.id });
  if (accessToken) await revokeQuietly(accessToken, "sign-out");
}
