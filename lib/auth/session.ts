import "server-only";
import { getServerSession, type Session } from "next-auth";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { authOptions, SIGN_IN_PAGE } from "./options";

export function getSession(): Promise<Session | null> {
  return getServerSession(authOptions());
}

/** The signed-in session, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireSession(returnTo: string): Promise<Session> {
  const session = await getSession();
  if (!session?.user?.id) redirect(`${SIGN_IN_PAGE}?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}

/** Ends every session of a user, e.g. when LiveChat has withdrawn their access. */
export async function endSessions(userId: string): Promise<void> {
  await prisma.session.deleteMany({ where: { userId } });
}
