import { beforeEach, describe, expect, it } from "vitest";
import {
  resetDatabase,
  storedAccountOf,
  TABLES,
  withDatabase,
} from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { signInOverHttp, signOutOverHttp } from "../../scripts/lib/sign-in-over-http";
import { serviceLog } from "../../scripts/lib/processes";

const secretsOf = (tokens: Array<{ access_token: string; refresh_token: string | null }>) =>
  tokens
    .flatMap((t) => [t.access_token, t.refresh_token])
    .filter((s): s is string => !!s)
    .flatMap((s) => [s, s.replace(/^[a-z-]+:/, "")]);

describe("tokens at rest and in logs", () => {
  beforeEach(async () => {
    await resetDatabase(stack.databaseUrl);
    await emulator.reset();
  });

  it("a raw read of every table finds no token plaintext", async () => {
    await signInOverHttp(stack.appUrl, "alice@acme.test");
    await signInOverHttp(stack.appUrl, "greta@globex.test");
    const issued = [
      ...(await emulator.tokens((await emulator.account("alice@acme.test")).account_id)),
      ...(await emulator.tokens((await emulator.account("greta@globex.test")).account_id)),
    ];
    const dump = await withDatabase(stack.databaseUrl, async (db) => {
      const parts: string[] = [];
      for (const table of TABLES)
        parts.push(JSON.stringify((await db.query(`SELECT * FROM "${table}"`)).rows));
      return parts.join("\n");
    });
    expect(issued.length).toBe(2);
    expect(dump).toContain("v1:");
    for (const secret of secretsOf(issued)) expect(dump.includes(secret)).toBe(false);
  });

  it("sign-out completes locally when LiveChat cannot revoke, and logs the failure without the token", async () => {
    const { browser } = await signInOverHttp(stack.appUrl, "alice@acme.test");
    const alice = await emulator.account("alice@acme.test");
    await emulator.fault({ endpoint: "/v2/token", method: "DELETE", status: 503 });
    const response = await signOutOverHttp(browser, stack.appUrl);

    expect(response.status).toBe(302);
    const stored = await storedAccountOf(stack.databaseUrl, "alice@acme.test");
    expect(stored.accessToken).toBeNull();
    const sessions = await withDatabase(
      stack.databaseUrl,
      async (db) => (await db.query(`SELECT * FROM "Session"`)).rows,
    );
    expect(sessions).toEqual([]);
    const issued = await emulator.tokens(alice.account_id);
    expect(issued.every((t) => !t.revoked)).toBe(true);
    const appLog = () => serviceLog("app-public");
    // The server's output reaches its log file through a pipe: wait for the line to land.
    await expect.poll(appLog).toContain("LiveChat token revocation (sign-out) failed");
    const log = appLog();
    for (const secret of secretsOf(issued)) expect(log.includes(secret)).toBe(false);
  });
});
