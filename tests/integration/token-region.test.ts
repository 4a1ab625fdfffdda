import { beforeEach, describe, expect, it } from "vitest";
import {
  resetDatabase,
  setStoredExpiry,
  storedAccountOf,
  withDatabase,
} from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { signInOverHttp } from "../../scripts/lib/sign-in-over-http";

// Globex Europe's tokens carry `fra-a:`, the prefix of the Global Accounts API spec's examples
// (livechat-public-docs src/configs/redoc/global-accounts-api/spec.yml L2052, L2183): the app
// must read its region as `fra` through sign-in, refresh and the dashboard's Web API calls.

const EMAIL = "greta@globex.test";

describe("a fra-a: organization, end to end", () => {
  beforeEach(async () => {
    await resetDatabase(stack.databaseUrl);
    await emulator.reset();
  });

  it("signs in, refreshes and shows the dashboard in region fra", async () => {
    const { browser } = await signInOverHttp(stack.appUrl, EMAIL);
    const greta = await emulator.account(EMAIL);
    const [issued] = await emulator.tokens(greta.account_id);
    expect(issued?.access_token).toMatch(/^fra-a:/);
    const region = await withDatabase(stack.databaseUrl, async (db) => {
      const { rows } = await db.query(`SELECT region FROM "Organization" WHERE id = $1`, [
        greta.organization_id,
      ]);
      return (rows[0] as { region: string } | undefined)?.region;
    });
    expect(region).toBe("fra");

    // The stored token is about to expire: the dashboard refreshes it, then lists the agents
    // with the new fra-a: token (a wrong X-Region would be a 421 misdirected_request).
    const stored = await storedAccountOf(stack.databaseUrl, EMAIL);
    await setStoredExpiry(stack.databaseUrl, stored.id, new Date(Date.now() + 60_000));
    await emulator.clearRequests();
    const dashboard = await browser.fetch(`${stack.appUrl}/dashboard`);
    const html = await dashboard.text();
    expect(dashboard.status).toBe(200);
    expect(html).toMatch(/Data region: (<!-- -->)?EU \(fra\)/);
    expect(html).toMatch(/data-agent-id="[^"]+@globex\.test"/);
    const { counts } = await emulator.requests();
    expect(counts["POST /v2/token"]).toBe(1);
    expect(counts["POST /v3.6/configuration/action/list_agents"]).toBeGreaterThanOrEqual(1);
    const tokens = await emulator.tokens(greta.account_id);
    const live = tokens.filter((t) => !t.revoked && t.access_token !== issued?.access_token);
    expect(live.map((t) => t.access_token)).toEqual([expect.stringMatching(/^fra-a:/)]);
  });
});
