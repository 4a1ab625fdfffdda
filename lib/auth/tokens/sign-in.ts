import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { tokenRegion, type TokenSet } from "@/lib/livechat";
import { LIVECHAT_PROVIDER_ID } from "../livechat-provider";
import { recordSignInOrganization } from "../organizations";
import { revokeQuietly } from "./revocation";
import { sealedColumns, unsealOrNull } from "./sealing";

const signInTokensSchema = z.object({
  providerAccountId: z.string().min(1),
  organization_id: z.string().min(1),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).nullish(),
  expires_at: z.number().optional(),
  scope: z.string().nullish(),
  token_type: z.string().nullish(),
});

const DEFAULT_LIFETIME_SECONDS = 28_800;

/** Reads the tokens out of the OAuth account next-auth builds from LiveChat's token response. */
export function tokenSetOfSignIn(account: Record<string, unknown>): TokenSet {
  const wire = signInTokensSchema.parse(account);
  return {
    accountId: wire.providerAccountId,
    organizationId: wire.organization_id,
    accessToken: wire.access_token,
    refreshToken: wire.refresh_token ?? null,
    // openid-client turns expires_in into expires_at (seconds since the epoch).
    expiresAt: new Date((wire.expires_at ?? Date.now() / 1000 + DEFAULT_LIFETIME_SECONDS) * 1000),
    scope: wire.scope ?? null,
    tokenType: wire.token_type ?? null,
  };
}

const organizationOf = (tokens: TokenSet, userId: string) =>
  recordSignInOrganization(tokens.organizationId, tokenRegion(tokens.accessToken) ?? "dal", userId);

/** First sign-in of a LiveChat account: its organization and the account with sealed tokens, in one transaction. */
export async function linkNewAccount(userId: string, tokens: TokenSet): Promise<void> {
  await prisma.$transaction([
    ...organizationOf(tokens, userId),
    prisma.account.create({
      data: {
        userId,
        type: "oauth",
        provider: LIVECHAT_PROVIDER_ID,
        providerAccountId: tokens.accountId,
        organizationId: tokens.organizationId,
        ...sealedColumns(tokens),
      },
    }),
  ]);
}

/**
 * next-auth 4 stores tokens only when it first links an account: a later sign-in writes them here,
 * then revokes the replaced access token at LiveChat so repeated sign-ins never pile up against
 * its 25-token cap. Does nothing for an account not linked yet (linkNewAccount will store it).
 */
export async function replaceSignInTokens(tokens: TokenSet): Promise<void> {
  const where = {
    provider_providerAccountId: {
      provider: LIVECHAT_PROVIDER_ID,
      providerAccountId: tokens.accountId,
    },
  };
  const existing = await prisma.account.findUnique({
    where,
    select: { accessToken: true, userId: true },
  });
  if (!existing) return;
  await prisma.$transaction([
    ...organizationOf(tokens, existing.userId),
    prisma.account.update({
      where,
      data: {
        ...sealedColumns(tokens),
        organizationId: tokens.organizationId,
        tokenVersion: { increment: 1 },
        refreshLeaseUntil: null,
      },
    }),
  ]);
  const replaced = unsealOrNull(existing.accessToken, tokens.accountId, "access");
  if (replaced && replaced !== tokens.accessToken) await revokeQuietly(replaced, "replaced");
}
