import { beforeEach, describe, expect, it } from "vitest";
import { HttpBrowser } from "../../scripts/lib/http-browser";
import { resetDatabase, withDatabase } from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import {
  SESSION_COOKIE,
  signInOverHttp,
  signOutOverHttp,
} from "../../scripts/lib/sign-in-over-http";

async function storedAccount(accountId: string) {
  return withDatabase(stack.databaseUrl, async (db) => {
    const { rows } = await db.query(
      `SELECT a.*, u.email, u.name AS user_name, o.region, o."installedById"
         FROM "Account" a JOIN "User" u ON u.id = a."userId" LEFT JOIN "Organization" o ON o.id = a."organizationId"
        WHERE a."providerAccountId" = $1`,
      [accountId],
    );
    return rows[0] as Record<string, unknown> | undefined;
  });
}

const sessionCount = () =>
  withDatabase(stack.databaseUrl, async (db) =>
    Number((await db.query(`SELECT count(*) AS n FROM "Session"`)).rows[0].n),
  );

describe("sign-in storage (real PostgreSQL + emulator)", () => {
  beforeEach(async () => {
    await resetDatabase(stack.databaseUrl);
    await emulator.reset();
  });

  it("stores the user, the LiveChat account, its organization and encrypted tokens", async () => {
    const alice = await emulator.account("alice@acme.test");
    const { browser, finalLocation } = await signInOverHttp(stack.appUrl, alice.email);

    expect(finalLocation).toBe(`${stack.appUrl}/dashboard`);
    expect(browser.cookie(stack.appUrl, SESSION_COOKIE)).toBeTruthy();
    const row = await storedAccount(alice.account_id);
    const [issued] = await emulator.tokens(alice.account_id);
    expect(row).toMatchObject({
      provider: "livechat",
      email: "alice@acme.test",
      user_name: "Alice Archer",
      organizationId: alice.organization_id,
      region: "dal",
      scope: "accounts--my:ro,agents--all:ro,groups--all:ro",
      tokenType: "Bearer",
    });
    expect(row!.installedById).toBe(row!.userId);
    expect(row!.accessToken).toMatch(/^v1:/);
    expect(row!.refreshToken).toMatch(/^v1:/);
    expect(String(row!.accessToken)).not.toContain(issued!.access_token);
    const expiresIn = (new Date(row!.accessTokenExpiresAt as string).getTime() - Date.now()) / 1000;
    expect(expiresIn).toBeGreaterThan(28_000);
    expect(expiresIn).toBeLessThanOrEqual(28_800);
    expect(await sessionCount()).toBe(1);
  });

  it("a second sign-in replaces the tokens and revokes the replaced access token", async () => {
    const alice = await emulator.account("alice@acme.test");
    await signInOverHttp(stack.appUrl, alice.email);
    const first = await storedAccount(alice.account_id);
    await signInOverHttp(stack.appUrl, alice.email);
    const second = await storedAccount(alice.account_id);

    expect(second!.id).toBe(first!.id);
    expect(second!.accessToken).not.toBe(first!.accessToken);
    expect(second!.tokenVersion).toBe((first!.tokenVersion as number) + 1);
    const issued = await emulator.tokens(alice.account_id);
    expect(issued).toHaveLength(2);
    expect(issued.map((t) => t.revoked)).toEqual([true, false]);
    expect(await sessionCount()).toBe(2);
  });

  it("sign-out deletes the session and revokes the tokens at LiveChat", async () => {
    const alice = await emulator.account("alice@acme.test");
    const { browser } = await signInOverHttp(stack.appUrl, alice.email);
    const response = await signOutOverHttp(browser, stack.appUrl);

    expect(response.status).toBe(302);
    expect(await sessionCount()).toBe(0);
    expect(browser.cookie(stack.appUrl, SESSION_COOKIE)).toBeUndefined();
    expect((await emulator.tokens(alice.account_id)).every((t) => t.revoked)).toBe(true);
    const row = await storedAccount(alice.account_id);
    expect(row!.accessToken).toBeNull();
    expect(row!.refreshToken).toBeNull();
    const dashboard = await new HttpBrowser().fetch(`${stack.appUrl}/dashboard`, {
      headers: {
        cookie: `${SESSION_COOKIE}=${browser.cookie(stack.appUrl, SESSION_COOKIE) ?? "gone"}`,
      },
    });
    expect(dashboard.status).toBe(307);
  });
});
