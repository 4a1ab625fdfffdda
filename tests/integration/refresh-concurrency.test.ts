import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, setStoredExpiry, storedAccountOf } from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { signInOverHttp } from "../../scripts/lib/sign-in-over-http";

const EMAIL = "alice@acme.test";

/** 50 dashboard loads at once, half on each of two app processes that share one database. */
async function burst(cookie: string) {
  const urls = Array.from(
    { length: 50 },
    (_, i) => `${i % 2 ? stack.appTwinUrl : stack.appUrl}/dashboard`,
  );
  return Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
      return { status: response.status, html: await response.text() };
    }),
  );
}

describe("one refresh per expiry, across processes", () => {
  beforeEach(async () => {
    await resetDatabase(stack.databaseUrl);
    await emulator.reset();
  });

  it.each([
    ["the stored expiry has passed", "expired-in-database"],
    ["LiveChat rejects the token (401) before the app knows it expired", "expired-at-livechat"],
  ])(
    "50 concurrent requests on 2 processes make exactly 1 call to /v2/token when %s",
    async (_, how) => {
      const { browser } = await signInOverHttp(stack.appUrl, EMAIL);
      const cookie = browser.cookieHeader(stack.appUrl);
      const stored = await storedAccountOf(stack.databaseUrl, EMAIL);
      const alice = await emulator.account(EMAIL);
      await emulator.expire({ account_id: alice.account_id });
      if (how === "expired-in-database")
        await setStoredExpiry(stack.databaseUrl, stored.id, new Date(Date.now() - 60_000));
      await emulator.clearRequests();

      const responses = await burst(cookie);

      expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
      for (const { html } of responses) expect(html).toContain('data-agent-id="alice@acme.test"');
      expect((await emulator.requests()).counts["POST /v2/token"]).toBe(1);
      expect((await storedAccountOf(stack.databaseUrl, EMAIL)).tokenVersion).toBe(
        stored.tokenVersion + 1,
      );
    },
  );
});
