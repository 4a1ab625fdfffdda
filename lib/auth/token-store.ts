import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { LiveChatAuthError, refreshAccessToken, revokeToken, tokenRegion } from "@/lib/livechat";
import { LiveChatUnavailableError, ReauthenticationRequiredError } from "./errors";
import { isStillValid, needsRefresh, onRefreshFailure } from "./refresh-policy";
import { refreshOnce } from "./refresh-lease";
import { seal, unseal } from "./sealed-tokens";

/**
 * The token store: the only code that reads or writes the Account token columns. Tokens are
 * sealed (AES-256-GCM) at rest, refreshed once per expiry across processes, and revoked at
 * LiveChat when they are replaced or the user signs out.
 */

export const LIVECHAT_PROVIDER = "livechat";

/** Tokens of a sign-in, as LiveChat's token response gave them. */
export interface SignInTokens {
  accountId: string;
  organizationId: string;
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date;
  scope: string | null;
  tokenType: string | null;
}

/** A usable access token and what the caller needs to know about it. */
export interface AccessGrant {
  accessToken: string;
  /** The token version it came from: pass it back to `refreshRejectedToken`. */
  version: number;
  organizationId: string | null;
}

const signInTokensSchema = z.object({
  providerAccountId: z.string().min(1),
  organization_id: z.string().min(1),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).nullish(),
  expires_at: z.number().optional(),
  scope: z.string().nullish(),
  token_type: z.string().nullish(),
});

/** Reads the tokens out of the OAuth account next-auth builds from LiveChat's token response. */
export function signInTokensOf(account: Record<string, unknown>): SignInTokens {
  const wire = signInTokensSchema.parse(account);
  return {
    accountId: wire.providerAccountId,
    organizationId: wire.organization_id,
    accessToken: wire.access_token,
    refreshToken: wire.refresh_token ?? null,
    // openid-client turns expires_in into expires_at (seconds since the epoch).
    expiresAt: new Date((wire.expires_at ?? Date.now() / 1000 + 28_800) * 1000),
    scope: wire.scope ?? null,
    tokenType: wire.token_type ?? null,
  };
}

const accountsConfig = () => {
  const { accountsUrl, clientId, clientSecret } = env().livechat;
  return { accountsUrl, clientId, clientSecret };
};

export function sealedColumns(tokens: Omit<SignInTokens, "organizationId">) {
  return {
    accessToken: seal(tokens.accessToken, tokens.accountId, "access"),
    refreshToken: tokens.refreshToken ? seal(tokens.refreshToken, tokens.accountId, "refresh") : null,
    accessTokenExpiresAt: tokens.expiresAt,
    scope: tokens.scope,
    tokenType: tokens.tokenType,
  };
}

/**
 * Records the organization a sign-in belongs to. The first sign-in installs it; a sign-in after an
 * uninstall reinstates it, with this user as the one who installed it.
 */
export async function upsertOrganization(organizationId: string, accessToken: string, userId: string) {
  const region = tokenRegion(accessToken) ?? "dal";
  await prisma.organization.updateMany({
    where: { id: organizationId, uninstalledAt: { not: null } },
    data: { uninstalledAt: null, installedAt: new Date(), installedById: userId },
  });
  await prisma.organization.upsert({
    where: { id: organizationId },
    create: { id: organizationId, region, installedById: userId },
    update: { region },
  });
}

/**
 * Writes the tokens of a new sign-in over an existing account's, then revokes the replaced access
 * token at LiveChat so repeated sign-ins never pile up against its 25-token cap.
 * Returns false when the account is not linked yet (next-auth's linkAccount will store them).
 */
export async function replaceSignInTokens(tokens: SignInTokens): Promise<boolean> {
  const where = { provider_providerAccountId: { provider: LIVECHAT_PROVIDER, providerAccountId: tokens.accountId } };
  const existing = await prisma.account.findUnique({ where, select: { accessToken: true, userId: true } });
  if (!existing) return false;
  await upsertOrganization(tokens.organizationId, tokens.accessToken, existing.userId);
  await prisma.account.update({
    where,
    data: {
      ...sealedColumns(tokens),
      organizationId: tokens.organizationId,
      tokenVersion: { increment: 1 },
      refreshLeaseUntil: null,
    },
  });
  if (existing.accessToken) {
    const replaced = unsealOrNull(existing.accessToken, tokens.accountId);
    if (replaced && replaced !== tokens.accessToken) await revokeQuietly(replaced, "replaced");
  }
  return true;
}

/** First sign-in of a LiveChat account: its organization, then the account with sealed tokens. */
export async function linkNewAccount(userId: string, tokens: SignInTokens): Promise<void> {
  await upsertOrganization(tokens.organizationId, tokens.accessToken, userId);
  await prisma.account.create({
    data: {
      userId,
      type: "oauth",
      provider: LIVECHAT_PROVIDER,
      providerAccountId: tokens.accountId,
      organizationId: tokens.organizationId,
      ...sealedColumns(tokens),
    },
  });
}

async function findLiveChatAccount(userId: string) {
  return prisma.account.findFirst({ where: { userId, provider: LIVECHAT_PROVIDER } });
}

/**
 * A valid access token for the user's LiveChat account, refreshed when it is within the margin of
 * expiry. Throws ReauthenticationRequiredError or LiveChatUnavailableError.
 */
export async function getAccessToken(userId: string): Promise<AccessGrant> {
  const account = await findLiveChatAccount(userId);
  if (!account?.accessToken) throw new ReauthenticationRequiredError("no_tokens");
  const current = grantOf(account);
  if (!needsRefresh(account.accessTokenExpiresAt, new Date())) return current;
  return refreshOrFallBack(account, isStillValid(account.accessTokenExpiresAt, new Date()) ? current : null);
}

/**
 * LiveChat answered `authentication` to `rejected`: refresh once (unless another caller already
 * did) and return the new token. A second rejection is the caller's cue to re-authenticate.
 */
export async function refreshRejectedToken(userId: string, rejected: AccessGrant): Promise<AccessGrant> {
  const account = await findLiveChatAccount(userId);
  if (!account?.accessToken) throw new ReauthenticationRequiredError("no_tokens");
  if (account.tokenVersion !== rejected.version) return grantOf(account);
  return refreshOrFallBack(account, null);
}

type AccountRow = NonNullable<Awaited<ReturnType<typeof findLiveChatAccount>>>;

function grantOf(account: AccountRow): AccessGrant {
  return {
    accessToken: unseal(account.accessToken!, account.providerAccountId, "access"),
    version: account.tokenVersion,
    organizationId: account.organizationId,
  };
}

async function refreshOrFallBack(account: AccountRow, fallback: AccessGrant | null): Promise<AccessGrant> {
  try {
    return await refreshOnce(account.id, account.tokenVersion, async () => {
      if (!account.refreshToken) throw new ReauthenticationRequiredError("session_expired");
      const refreshToken = unseal(account.refreshToken, account.providerAccountId, "refresh");
      const tokens = await refreshAccessToken(accountsConfig(), refreshToken);
      // Confidential clients keep their refresh token; public clients get a new one each time.
      return sealedColumns({ ...tokens, accountId: account.providerAccountId, refreshToken: tokens.refreshToken ?? refreshToken });
    }).then(grantOf);
  } catch (error) {
    if (!(error instanceof LiveChatAuthError)) throw error;
    const outcome = onRefreshFailure(error.permanent, fallback !== null);
    if (outcome === "use_current" && fallback) return fallback;
    if (outcome === "unavailable") throw new LiveChatUnavailableError({ cause: error });
    await clearTokens({ id: account.id });
    throw new ReauthenticationRequiredError(error.code === "invalid_grant" ? "access_revoked" : "session_expired", {
      cause: error,
    });
  }
}

/** Forgets tokens (not awaited here, so it can join a `$transaction`); rows without tokens stay untouched. */
export function clearTokens(where: { id: string } | { organizationId: string }) {
  return prisma.account.updateMany({
    where: { ...where, provider: LIVECHAT_PROVIDER, OR: [{ accessToken: { not: null } }, { refreshToken: { not: null } }] },
    data: { accessToken: null, refreshToken: null, accessTokenExpiresAt: null, refreshLeaseUntil: null, tokenVersion: { increment: 1 } },
  });
}

/** Sign-out: revoke the user's token at LiveChat (its refresh token goes with it) and forget it. */
export async function revokeUserTokens(userId: string): Promise<void> {
  const account = await findLiveChatAccount(userId);
  if (!account?.accessToken) return;
  const accessToken = unsealOrNull(account.accessToken, account.providerAccountId);
  await clearTokens({ id: account.id });
  if (accessToken) await revokeQuietly(accessToken, "sign-out");
}

function unsealOrNull(stored: string, accountId: string): string | null {
  try {
    return unseal(stored, accountId, "access");
  } catch {
    return null;
  }
}

/** Revocation is best effort: a failure is logged (never with the token) and the caller goes on. */
async function revokeQuietly(token: string, why: string) {
  try {
    await revokeToken(accountsConfig(), token);
  } catch (error) {
    console.warn(`LiveChat token revocation (${why}) failed: ${error instanceof Error ? error.message : "unknown error"}`);
  }
}
