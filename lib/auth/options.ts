import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import type { Adapter, AdapterAccount, AdapterSession } from "next-auth/adapters";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { LiveChatProvider } from "./livechat-provider";
import { servesOrganization } from "./organizations";
import { authLogger } from "./auth-logger";
import {
  linkNewAccount,
  replaceSignInTokens,
  revokeQuietly,
  revokeUserTokens,
  tokenSetOfSignIn,
} from "./tokens";

export const SIGN_IN_PAGE = "/";
export const AUTH_ERROR_PAGE = "/auth/error";

function createAuthOptions(): NextAuthOptions {
  const { livechat, authSecret } = env();
  const adapter: Adapter = {
    // Its session read (`include: { user: true }`) is one statement: relationJoins, schema.prisma.
    ...PrismaAdapter(prisma),
    // next-auth passes every field of LiveChat's token response; store them through the token store.
    linkAccount: async (account: AdapterAccount) => {
      await linkNewAccount(account.userId, tokenSetOfSignIn(account));
    },
  };
  return {
    secret: authSecret,
    adapter,
    // Database sessions: server-side, revocable, and nothing but an opaque id in the cookie.
    session: { strategy: "database" },
    providers: [
      LiveChatProvider({
        clientId: livechat.clientId,
        clientSecret: livechat.clientSecret,
        accountsUrl: livechat.accountsUrl,
        scopes: livechat.scopes,
        // Users only ever come from LiveChat, whose account emails are unique and verified; this
        // lets a user row left by an interrupted first sign-in be linked on the next one.
        allowDangerousEmailAccountLinking: true,
      }),
    ],
    pages: { signIn: SIGN_IN_PAGE, error: AUTH_ERROR_PAGE },
    callbacks: {
      async signIn({ account }) {
        if (!account) return false;
        const tokens = tokenSetOfSignIn(account);
        // Refused before anything is stored: a private app serves its own organization only.
        if (!servesOrganization(tokens.organizationId)) {
          await revokeQuietly(tokens.accessToken, "refused sign-in");
          return `${AUTH_ERROR_PAGE}?error=PrivateApp`;
        }
        await replaceSignInTokens(tokens);
        return true;
      },
      session({ session, user }) {
        return {
          ...session,
          user: { id: user.id, name: user.name, email: user.email, image: user.image },
        };
      },
    },
    events: {
      // With database sessions next-auth hands over the deleted session row.
      async signOut({ session }) {
        const { userId } = session as unknown as Partial<AdapterSession>;
        if (userId) await revokeUserTokens(userId);
      },
    },
    logger: authLogger,
  };
}

let options: NextAuthOptions | undefined;

/** next-auth's configuration, built once from the environment. */
export function authOptions(): NextAuthOptions {
  options ??= createAuthOptions();
  return options;
}
