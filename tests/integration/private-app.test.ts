import { beforeEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { HttpBrowser } from "../../scripts/lib/http-browser";
import {
  NO_ROWS,
  resetDatabase,
  rowCounts,
  storedAccountOf,
  withDatabase,
} from "../../scripts/lib/app-database";
import { signInOverHttp } from "../../scripts/lib/sign-in-over-http";
import { SEEDED } from "@/emulator/fixtures";
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
    expect(await rowCounts(stack.databaseUrl)).toEqual(NO_ROWS);
  });

  it("accepts a sign-in from its own organization", async () => {
    expect(await signInCallback(await oauthAccountOf("alice@acme.test"))).toBe(true);
  });
});

/** Copies a signed-in user's rows from the public app's database into the private app's. */
async function copySignInRows(email: string) {
  await withDatabase(stack.databaseUrl, (from) =>
    withDatabase(stack.privateDatabaseUrl, async (to) => {
      const { rows: users } = await from.query(`SELECT * FROM "User" WHERE email = $1`, [email]);
      const userId = users[0]!.id as string;
      const copies: [string, string, unknown[]][] = [
        ["User", `SELECT * FROM "User" WHERE id = $1`, [userId]],
        [
          "Organization",
          `SELECT o.* FROM "Organization" o JOIN "Account" a ON a."organizationId" = o.id WHERE a."userId" = $1`,
          [userId],
        ],
        ["Account", `SELECT * FROM "Account" WHERE "userId" = $1`, [userId]],
        ["Session", `SELECT * FROM "Session" WHERE "userId" = $1`, [userId]],
      ];
      for (const [table, select, values] of copies) {
        for (const row of (await from.query(select, values)).rows) {
          const columns = Object.keys(row);
          await to.query(
            `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
            Object.values(row),
          );
        }
      }
      return userId;
    }),
  );
}

describe("private app, on every request", () => {
  beforeEach(async () => {
    await resetDatabase(stack.databaseUrl);
    await resetDatabase(stack.privateDatabaseUrl);
    await emulator.reset();
  });

  it("ends an existing session of another organization instead of serving it", async () => {
    // Globex signed in while the app was public (here: the public app, whose rows and token key
    // the private app then finds in its database).
    const { browser } = await signInOverHttp(stack.appUrl, "greta@globex.test");
    await copySignInRows("greta@globex.test");
    const cookie = browser.cookieHeader(stack.appUrl);

    const response = await fetch(`${stack.privateAppUrl}/dashboard`, {
      headers: { cookie },
      redirect: "manual",
    });
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location")!, stack.privateAppUrl);
    expect(location.pathname).toBe("/");
    expect(location.searchParams.get("reason")).toBe("other_organization");
    // Nothing of the organization is served: not its id, not its agents.
    const body = await response.text();
    expect(body).not.toContain(SEEDED.organizations.globex);
    expect(body).not.toContain("noah@globex.test");

    // The session is gone and the tokens forgotten: nothing of it can be served again.
    const stored = await storedAccountOf(stack.privateDatabaseUrl, "greta@globex.test");
    expect(stored).toMatchObject({ accessToken: null, refreshToken: null });
    expect((await rowCounts(stack.privateDatabaseUrl)).Session).toBe(0);
    const again = await fetch(`${stack.privateAppUrl}/dashboard`, {
      headers: { cookie },
      redirect: "manual",
    });
    expect(
      new URL(again.headers.get("location")!, stack.privateAppUrl).searchParams.get("reason"),
    ).toBeNull();

    // The sign-in page says why.
    const page = await (await fetch(location, { headers: { cookie } })).text();
    expect(page).toContain("private to another LiveChat organization");
  });

  it("keeps serving its own organization's sessions", async () => {
    const { browser } = await signInOverHttp(stack.privateAppUrl, "alice@acme.test");
    const response = await fetch(`${stack.privateAppUrl}/dashboard`, {
      headers: { cookie: browser.cookieHeader(stack.privateAppUrl) },
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Alice Archer");
  });
});
