import { beforeEach, describe, expect, it } from "vitest";
import { CookieJar } from "../support/cookie-jar";
import { resetDatabase, rowCounts } from "../support/database";
import { emulator } from "../support/emulator-control";
import { stack } from "../support/env";
import { approveAtEmulator } from "../support/oauth-flow";

// The app's own guard, not LiveChat's: this process is a private app of Acme Support. The
// emulator refuses other organizations for its private client already, so the tokens here come
// from its public client, as they would if a private app were misconfigured with a public one.
const ACME = "6f1c2a9e-0d5b-4b7a-9c3e-1a2b3c4d5e01";
process.env.LIVECHAT_CLIENT_ID = "marketplace-app";
process.env.LIVECHAT_CLIENT_SECRET = "marketplace-app-secret";
process.env.NEXTAUTH_SECRET = "test-only-auth-secret-0123456789abcdef";
process.env.LIVECHAT_APP_TYPE = "private";
process.env.LIVECHAT_ORGANIZATION_ID = ACME;

const { authOptions } = await import("@/lib/auth/options");

const REDIRECT_URI = `${stack.appUrl}/api/auth/callback/livechat`;

/** The `account` next-auth hands to the signIn callback after LiveChat's token exchange. */
async function oauthAccountOf(email: string) {
  const authorize = new URL(stack.emulatorUrl);
  authorize.search = new URLSearchParams({
    response_type: "code",
    client_id: "marketplace-app",
    redirect_uri: REDIRECT_URI,
    state: "s",
  }).toString();
  const code = new URL(
    await approveAtEmulator(new CookieJar(), authorize.toString(), email),
  ).searchParams.get("code")!;
  const response = await fetch(`${stack.emulatorUrl}/v2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      client_id: "marketplace-app",
      client_secret: "marketplace-app-secret",
      redirect_uri: REDIRECT_URI,
    }).toString(),
  });
  const tokens = (await response.json()) as Record<string, unknown> & {
    account_id: string;
    expires_in: number;
  };
  return {
    provider: "livechat",
    type: "oauth" as const,
    providerAccountId: tokens.account_id,
    ...tokens,
    expires_at: Math.floor(Date.now() / 1000) + tokens.expires_in,
  };
}

const signInCallback = (account: Awaited<ReturnType<typeof oauthAccountOf>>) =>
  authOptions().callbacks!.signIn!({
    account,
    user: { id: account.providerAccountId },
    profile: undefined,
  });

describe("private app", () => {
  beforeEach(async () => {
    await resetDatabase(stack.databaseUrl);
    await emulator.reset();
  });

  it("refuses a sign-in from another organization before anything is stored", async () => {
    const result = await signInCallback(await oauthAccountOf("greta@globex.test"));
    expect(result).toBe("/auth/error?error=PrivateApp");
    expect(await rowCounts(stack.databaseUrl)).toEqual({
      Session: 0,
      Account: 0,
      User: 0,
      Organization: 0,
      VerificationToken: 0,
    });
  });

  it("accepts a sign-in from its own organization", async () => {
    expect(await signInCallback(await oauthAccountOf("alice@acme.test"))).toBe(true);
  });
});
