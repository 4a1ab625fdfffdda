import "server-only";
import { getServerSession, type Session } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { prisma } from "@/lib/db";
import type { ReauthenticationReason } from "./errors";
import { authOptions, SIGN_IN_PAGE } from "./options";

/** The signed-in session, if any; read once per request however many layouts and pages ask. */
export const getSession = cache((): Promise<Session | null> => getServerSession(authOptions()));

/** The signed-in session, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireSession(returnTo: string): Promise<Session> {
  const session = await getSession();
  if (!session?.user?.id) return redirectToSignIn({ returnTo });
  return session;
}

type SignInRedirect =
  | { returnTo: string }
  /** LiveChat ended the sign-in (refresh refused, access revoked): end `userId`'s sessions first. */
  | { returnTo: string; reason: ReauthenticationReason; userId: string };

/**
 * Sends the user to the sign-in page, which comes back to `returnTo` and, with a `reason`, says
 * why the user must sign in again.
 */
export async function redirectToSignIn(options: SignInRedirect): Promise<never> {
  const query = new URLSearchParams();
  if ("reason" in options) {
    await endSessions(options.userId);
    query.set("reason", options.reason);
  }
  query.set("callbackUrl", options.returnTo);
  redirect(`${SIGN_IN_PAGE}?${query.toString()}`);
}

/** Ends every session of a user (standalone and widget frames alike): LiveChat ended the sign-in. */
export async function endSessions(userId: string): Promise<void> {
  await prisma.session.deleteMany({ where: { userId } });
}
