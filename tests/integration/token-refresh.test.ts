import { beforeEach, describe, expect, it } from "vitest";
import { LiveChatUnavailableError, ReauthenticationRequiredError } from "@/lib/auth/errors";
import { getAccessToken } from "@/lib/auth/tokens";
import { getViewer } from "@/lib/data/viewer";
import { withLiveChat } from "@/lib/data/with-livechat";
import { listAgents } from "@/lib/livechat";
import {
  resetDatabase,
  setStoredExpiry,
  storedAccountOf,
  withDatabase,
} from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { signInOverHttp } from "../../scripts/lib/sign-in-over-http";

// The token store in this process, against the emulator and the database the app servers use.

const EMAIL = "alice@acme.test";
const tokenCalls = async () => (await emulator.requests()).counts["POST /v2/token"] ?? 0;
const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

async function signedIn() {
  const { browser } = await signInOverHttp(stack.appUrl, EMAIL);
  const cookie = browser.cookieHeader(stack.appUrl);
  const alice = await emulator.account(EMAIL);
  const stored = await storedAccountOf(stack.databaseUrl, EMAIL);
  const [issued] = await emulator.tokens(alice.account_id);
  await emulator.clearRequests();
  return { alice, stored, issued: issued!, cookie };
}

/** The LiveChat session a page gets from getViewer. */
async function liveChatOf(userId: string) {
  const viewer = await getViewer(userId);
  if (viewer.kind !== "ready") throw new Error(`viewer not ready: ${viewer.kind}`);
  return viewer.livechat;
}

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("token store refresh (emulator + PostgreSQL)", () => {
  beforeEach(async () => {
    await resetDatabase(stack.databaseUrl);
    await emulator.reset();
  });

  it("returns the stored token without calling LiveChat while it is fresh", async () => {
    const { stored, issued } = await signedIn();
    const grant = await getAccessToken(stored.user_id);
    expect(grant.accessToken).toBe(issued.access_token);
    expect(await tokenCalls()).toBe(0);
  });

  it("refreshes inside the 5-minute margin; a confidential client keeps its refresh token", async () => {
    const { alice, stored, issued } = await signedIn();
    await setStoredExpiry(stack.databaseUrl, stored.id, minutesFromNow(4));

    const grant = await getAccessToken(stored.user_id);

    expect(grant.accessToken).not.toBe(issued.access_token);
    expect(grant.accessToken).toMatch(/^dal:/);
    expect(await tokenCalls()).toBe(1);
    const after = await storedAccountOf(stack.databaseUrl, EMAIL);
    expect(after.tokenVersion).toBe(stored.tokenVersion + 1);
    expect(after.accessTokenExpiresAt!.getTime()).toBeGreaterThan(minutesFromNow(400).getTime());
    const tokens = await emulator.tokens(alice.account_id);
    expect(new Set(tokens.map((t) => t.refresh_token))).toEqual(new Set([issued.refresh_token]));
    // The kept refresh token still works for the next refresh.
    await setStoredExpiry(stack.databaseUrl, stored.id, minutesFromNow(-1));
    expect((await getAccessToken(stored.user_id)).accessToken).not.toBe(grant.accessToken);
  });

  it("ends the LiveChat session for good when the refresh token was revoked", async () => {
    const { alice, stored } = await signedIn();
    await emulator.revoke({ account_id: alice.account_id });
    await setStoredExpiry(stack.databaseUrl, stored.id, minutesFromNow(-1));

    const error = await rejection(getAccessToken(stored.user_id));

    expect(error).toBeInstanceOf(ReauthenticationRequiredError);
    expect((error as ReauthenticationRequiredError).reason).toBe("access_revoked");
    const after = await storedAccountOf(stack.databaseUrl, EMAIL);
    expect(after.accessToken).toBeNull();
    expect(after.refreshToken).toBeNull();
  });

  it("keeps using a still-valid token when LiveChat fails for a while", async () => {
    const { stored, issued } = await signedIn();
    await setStoredExpiry(stack.databaseUrl, stored.id, minutesFromNow(2));
    await emulator.fault({ endpoint: "/v2/token", status: 503 });

    expect((await getAccessToken(stored.user_id)).accessToken).toBe(issued.access_token);
    await emulator.fault({ endpoint: "/v2/token", status: 429, retry_after: 30 });
    expect((await getAccessToken(stored.user_id)).accessToken).toBe(issued.access_token);
    expect((await storedAccountOf(stack.databaseUrl, EMAIL)).accessToken).toBe(stored.accessToken);
  });

  it("reports LiveChat unavailable, and keeps the tokens, when it fails and the token has expired", async () => {
    const { stored } = await signedIn();
    await setStoredExpiry(stack.databaseUrl, stored.id, minutesFromNow(-1));
    await emulator.fault({ endpoint: "/v2/token", body: "html" });

    expect(await rejection(getAccessToken(stored.user_id))).toBeInstanceOf(
      LiveChatUnavailableError,
    );
    const after = await storedAccountOf(stack.databaseUrl, EMAIL);
    expect(after.accessToken).toBe(stored.accessToken);
    expect(after.refreshToken).toBe(stored.refreshToken);

    await emulator.clearFaults();
    expect((await getAccessToken(stored.user_id)).accessToken).toMatch(/^dal:/);
  });

  it.each([
    ["a proxy's 403 HTML page", { status: 403, body: "html" }],
    ["invalid_client during a secret rotation", { status: 401, error_type: "invalid_client" }],
  ] as const)(
    "keeps the user signed in and their tokens on %s from the token endpoint",
    async (_, fault) => {
      const { stored, cookie } = await signedIn();
      await setStoredExpiry(stack.databaseUrl, stored.id, minutesFromNow(-1));
      await emulator.fault({ endpoint: "/v2/token", ...fault });

      const response = await fetch(`${stack.appUrl}/dashboard`, {
        headers: { cookie },
        redirect: "manual",
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("LiveChat is unreachable");
      const after = await storedAccountOf(stack.databaseUrl, EMAIL);
      expect(after.refreshToken).toBe(stored.refreshToken);
      expect(after.accessToken).toBe(stored.accessToken);
      expect(
        await withDatabase(stack.databaseUrl, async (db) =>
          Number((await db.query(`SELECT count(*) AS n FROM "Session"`)).rows[0].n),
        ),
      ).toBe(1);

      await emulator.clearFaults();
      expect((await getAccessToken(stored.user_id)).accessToken).toMatch(/^dal:/);
    },
  );

  it("answers an `authentication` error with one refresh and one retry", async () => {
    const { alice, stored } = await signedIn();
    await emulator.expire({ account_id: alice.account_id });

    const agents = await withLiveChat(await liveChatOf(stored.user_id), (ctx) => listAgents(ctx));

    expect(agents.map((a) => a.id)).toContain(EMAIL);
    const { counts } = await emulator.requests();
    expect(counts["POST /v2/token"]).toBe(1);
    expect(counts["POST /v3.6/configuration/action/list_agents"]).toBe(2);
  });

  it("asks for a new sign-in when LiveChat rejects the refreshed token too", async () => {
    const { alice, stored } = await signedIn();
    await emulator.expire({ account_id: alice.account_id });
    await emulator.fault({ endpoint: "/v3.6/configuration/action/list_agents", status: 401 });

    const error = await rejection(
      withLiveChat(await liveChatOf(stored.user_id), (ctx) => listAgents(ctx)),
    );

    expect(error).toBeInstanceOf(ReauthenticationRequiredError);
    expect(await tokenCalls()).toBe(1);
  });

  it("goes on with the still-valid current token instead of waiting for the other process", async () => {
    const { stored, issued } = await signedIn();
    await setStoredExpiry(stack.databaseUrl, stored.id, minutesFromNow(3));
    await withDatabase(stack.databaseUrl, (db) =>
      db.query(
        `UPDATE "Account" SET "refreshLeaseUntil" = now() + interval '15 seconds' WHERE id = $1`,
        [stored.id],
      ),
    );

    const started = Date.now();
    const grant = await getAccessToken(stored.user_id);

    expect(grant.accessToken).toBe(issued.access_token);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await tokenCalls()).toBe(0);
  });
});
