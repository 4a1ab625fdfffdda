import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { getAgentPage } from "@/lib/data/agent-board";
import { DEFAULT_AGENT_QUERY } from "@/lib/data/agent-query";
import { getViewer } from "@/lib/data/viewer";
import { resetDatabase, withDatabase } from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { signInOverHttp } from "../../scripts/lib/sign-in-over-http";

// What a dashboard request asks of the database with a fresh token, counted on the wire: every
// statement Prisma's pg driver adapter sends goes through pg's Client#query, in this process.

function countStatements() {
  const spy = vi.spyOn(pg.Client.prototype, "query");
  return () => {
    const statements = spy.mock.calls.map(([query]) =>
      typeof query === "string" ? query : String((query as { text?: unknown }).text),
    );
    spy.mockRestore();
    return statements;
  };
}

async function sessionTokenOf(email: string): Promise<string> {
  return withDatabase(stack.databaseUrl, async (db) => {
    const { rows } = await db.query<{ sessionToken: string }>(
      `SELECT s."sessionToken" FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`,
      [email],
    );
    if (!rows[0]) throw new Error(`no session for ${email}`);
    return rows[0].sessionToken;
  });
}

/** What the page does before it streams: next-auth's session read, then getViewer. */
async function pageReads(sessionToken: string) {
  const adapter = authOptions().adapter;
  if (!adapter?.getSessionAndUser) throw new Error("no session adapter");
  const found = await adapter.getSessionAndUser(sessionToken);
  if (!found) throw new Error("no session");
  return { user: found.user, viewer: await getViewer(found.user.id) };
}

describe("database statements of a dashboard request (PostgreSQL)", () => {
  beforeEach(async () => {
    await resetDatabase(stack.databaseUrl);
    await emulator.reset();
  });
  afterEach(() => vi.restoreAllMocks());

  it("reads the session with its user, then the account with its organization and installer: 2 statements", async () => {
    await signInOverHttp(stack.appUrl, "alice@acme.test");
    // Victor's organization was brought in by Alice: her name comes from the same statement.
    await signInOverHttp(stack.appUrl, "victor@acme.test");
    const token = await sessionTokenOf("victor@acme.test");
    await pageReads(token); // the pool's first connection is not part of a request
    await emulator.clearRequests();

    const stop = countStatements();
    const { user, viewer } = await pageReads(token);
    const statements = stop();

    expect(user.email).toBe("victor@acme.test");
    expect(viewer).toMatchObject({
      kind: "ready",
      organization: { region: "dal", installedBy: "Alice Archer" },
    });
    expect(statements, statements.join("\n---\n")).toHaveLength(2);
    expect(statements[0]).toMatch(/FROM "public"\."Session"/);
    expect(statements[0]).toMatch(/"User"/);
    expect(statements[1]).toMatch(/FROM "public"\."Account"/);
    expect(statements[1]).toMatch(/"Organization"/);
    expect(statements[1]).toMatch(/"User"/);
    expect((await emulator.requests()).counts["POST /v2/token"] ?? 0).toBe(0);
  });

  it("lists the agents with no database statement at all", async () => {
    await signInOverHttp(stack.appUrl, "alice@acme.test");
    const { viewer } = await pageReads(await sessionTokenOf("alice@acme.test"));
    if (viewer.kind !== "ready") throw new Error(`viewer not ready: ${viewer.kind}`);

    const stop = countStatements();
    const result = await getAgentPage(viewer.livechat, DEFAULT_AGENT_QUERY);
    const statements = stop();

    expect(result).toMatchObject({ kind: "ok", page: { viewerIsAdmin: true } });
    expect(statements).toEqual([]);
  });
});
