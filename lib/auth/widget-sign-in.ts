import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { sameText } from "@/lib/same-text";
import { exchangeCode, getMyAccount, LiveChatAuthError, type TokenSet } from "@/lib/livechat";
import { LIVECHAT_PROVIDER_ID } from "./livechat-provider";
import { servesOrganization } from "./organizations";
import { signInErrorOf, type SignInErrorCode } from "./sign-in-error";
import {
  accountsConfig,
  linkNewAccount,
  openSecret,
  replaceSignInTokens,
  revokeQuietly,
  revokeUserTokens,
  sealSecret,
} from "./tokens";

// "Sign in with LiveChat" inside an Agent App widget, a third-party frame: LiveChat's accounts
// server cannot be framed and the frame gets no unpartitioned cookie, so the widget opens a popup
// with `flow=button` and the accounts server posts the code back to it, as LiveChat's own
// @livechat/accounts-sdk does (src/authentication/popup.js). `state` and the PKCE verifier live
// sealed in a partitioned cookie of their own (one per sign-in started, so two widgets signing in
// at once do not overwrite each other's), the code is exchanged here with the client secret, and
// the session is a database session like next-auth's, in a partitioned cookie.

const PENDING_PURPOSE = "widget-sign-in";
/** A popup sign-in must finish within this; LiveChat's codes live a few minutes too. */
export const PENDING_MAX_AGE_SECONDS = 10 * 60;
/** next-auth's default session lifetime, for sessions started here as for its own. */
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The popup flow's redirect URI: never visited (the result comes by postMessage) but checked. */
const redirectUriAt = (appOrigin: string) => `${appOrigin}/widgets/sign-in`;

interface PendingSignIn {
  state: string;
  verifier: string;
  redirectUri: string;
  startedAt: number;
}

/** A new popup sign-in: the accounts server URL to open, and the sealed value for its cookie. */
export function startWidgetSignIn(appOrigin: string): {
  authorizeUrl: string;
  state: string;
  /** Names this sign-in's cookie, so that two started at once keep apart. */
  id: string;
  pending: string;
} {
  const { livechat } = env();
  const state = randomBytes(32).toString("base64url");
  const verifier = randomBytes(32).toString("base64url");
  const redirectUri = redirectUriAt(appOrigin);
  const authorize = new URL(`${livechat.accountsUrl}/`);
  authorize.search = new URLSearchParams({
    response_type: "code",
    client_id: livechat.clientId,
    redirect_uri: redirectUri,
    state,
    scope: livechat.scopes.join(","),
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
    flow: "button",
  }).toString();
  const pending: PendingSignIn = { state, verifier, redirectUri, startedAt: Date.now() };
  return {
    authorizeUrl: authorize.toString(),
    state,
    id: randomBytes(12).toString("base64url"),
    pending: sealSecret(JSON.stringify(pending), PENDING_PURPOSE),
  };
}

export type WidgetSignInResult =
  | { kind: "signed_in"; sessionToken: string; expires: Date }
  | { kind: "refused"; error: SignInErrorCode };

function openPending(sealed: string | undefined): PendingSignIn | null {
  const opened = sealed ? openSecret(sealed, PENDING_PURPOSE) : null;
  if (!opened) return null;
  try {
    const pending = JSON.parse(opened) as PendingSignIn;
    const fresh = Date.now() - pending.startedAt < PENDING_MAX_AGE_SECONDS * 1000;
    return fresh ? pending : null;
  } catch {
    return null;
  }
}

/**
 * Finishes a popup sign-in: `state` must be the one sealed in this frame's cookie (a code meant
 * for another frame or browser is refused before LiveChat is asked anything), then the code is
 * exchanged with the verifier, the account and its tokens are stored as for a redirect sign-in,
 * and a new session is made (never one the browser brought: no session fixation).
 */
export async function finishWidgetSignIn(input: {
  code: string;
  state: string;
  pending: string | undefined;
  /** The session cookie the frame already had, if any. */
  previousSession?: string;
}): Promise<WidgetSignInResult> {
  const pending = openPending(input.pending);
  if (!pending || !sameText(pending.state, input.state)) {
    return { kind: "refused", error: "StateMismatch" };
  }
  let tokens: TokenSet;
  try {
    tokens = await exchangeCode(accountsConfig(), {
      code: input.code,
      redirectUri: pending.redirectUri,
      codeVerifier: pending.verifier,
    });
  } catch (error) {
    return refusedBy(error);
  }
  // From here on LiveChat has issued tokens: any failure revokes them, so none is left live
  // (each would count against LiveChat's cap of 25 per client and user).
  try {
    const profile = await getMyAccount(accountsConfig(), tokens.accessToken);
    if (!servesOrganization(tokens.organizationId)) {
      await revokeQuietly(tokens.accessToken, "refused sign-in");
      return { kind: "refused", error: "PrivateApp" };
    }
    const userId = await storeSignIn(tokens, profile);
    const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
    const sessionToken = randomBytes(32).toString("hex");
    await prisma.$transaction([
      // The frame's previous session, if any, ends with the new sign-in.
      ...(input.previousSession
        ? [prisma.session.deleteMany({ where: { sessionToken: input.previousSession } })]
        : []),
      prisma.session.create({ data: { sessionToken, userId, expires } }),
    ]);
    return { kind: "signed_in", sessionToken, expires };
  } catch (error) {
    await revokeQuietly(tokens.accessToken, "failed sign-in");
    return refusedBy(error);
  }
}

/** A failure of LiveChat's accounts server, told in the sign-in error page's words; others throw. */
function refusedBy(error: unknown): WidgetSignInResult {
  if (!(error instanceof LiveChatAuthError)) throw error;
  log.error("auth.widget_sign_in_refused", { message: error.message });
  return { kind: "refused", error: signInErrorOf(error) };
}

/** The user of this LiveChat account, created on its first sign-in; its tokens replaced after. */
async function storeSignIn(
  tokens: TokenSet,
  profile: Awaited<ReturnType<typeof getMyAccount>>,
): Promise<string> {
  const linked = await prisma.account.findUnique({
    where: {
      provider_providerAccountId: {
        provider: LIVECHAT_PROVIDER_ID,
        providerAccountId: tokens.accountId,
      },
    },
    select: { userId: true },
  });
  if (linked) {
    await replaceSignInTokens(tokens);
    return linked.userId;
  }
  // As in the redirect flow (allowDangerousEmailAccountLinking in options.ts): LiveChat's account
  // emails are unique and verified, so a user row left by an interrupted sign-in is reused.
  const user = await prisma.user.upsert({
    where: { email: profile.email },
    create: { email: profile.email, name: profile.name, image: profile.avatarUrl },
    update: {},
  });
  try {
    await linkNewAccount(user.id, tokens);
  } catch (error) {
    // Two frames finished the account's first sign-in at once: the other one linked it.
    if ((error as { code?: unknown }).code !== "P2002") throw error;
    await replaceSignInTokens(tokens);
  }
  return user.id;
}

/** Ends the frame's session: its tokens are revoked at LiveChat, as a sign-out elsewhere does. */
export async function endWidgetSession(sessionToken: string | undefined): Promise<void> {
  if (!sessionToken) return;
  const session = await prisma.session.findUnique({ where: { sessionToken } });
  if (!session) return;
  await revokeUserTokens(session.userId);
  await prisma.session.deleteMany({ where: { sessionToken } });
}
