import { beforeEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { HttpBrowser } from "../../scripts/lib/http-browser";
import { resetDatabase, rowCounts } from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";

// The app's own guard, not LiveChat's: this process is a private app of Acme Support. The
// emulator refuses other organizations for its private client already, so the tokens here come
// from its public client, as they would if a private app were misconfigured with a public one.
await vi.hoisted(async () => {
  const { SEEDED } = await import("@/emulator/fixtures");
  Object.assign(process.env, {
    LIVECHAT_CLIENT_ID: "marketplace-app",
    LIVECHAT_CLIENT_SECRET: "marketplace-app-secret",
    NEXTAUTH_SECRET: "test-only-auth-secret-0123456789abcdef",
    LIVECHAT_APP_TYPE: "private",
    LIVECHAT_ORGANIZATION_ID: SEEDED.organizations.acme,
  });
});

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
    await new HttpBrowser().approve(authorize.toString(), email),
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
