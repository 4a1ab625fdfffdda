import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getSettings, saveSettings } from "@/lib/data/settings";
import { getViewer, type LiveChatSession } from "@/lib/data/viewer";
import { SEEDED } from "../../emulator/fixtures";
import { resetDatabase, storedAccountOf, withDatabase } from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { signInOverHttp } from "../../scripts/lib/sign-in-over-http";

// The organization's settings against PostgreSQL and the emulator: LiveChat's role decides who
// saves, the session's organization is the only one read or written, a save is one statement.

const ACME = SEEDED.organizations.acme;
const GLOBEX = SEEDED.organizations.globex;

async function livechatOf(email: string): Promise<LiveChatSession> {
  await signInOverHttp(stack.appUrl, email);
  const viewer = await getViewer((await storedAccountOf(stack.databaseUrl, email)).user_id);
  if (viewer.kind !== "ready") throw new Error(`${email}: viewer ${viewer.kind}`);
  return viewer.livechat;
}

type Row = {
  organizationId: string;
  defaultStatuses: string[];
  note: string;
  updatedByAccountId: string;
};

async function storedSettings(): Promise<Row[]> {
  return withDatabase(stack.databaseUrl, async (db) => {
    const { rows } = await db.query<Row>(
      `SELECT "organizationId", "defaultStatuses", note, "updatedByAccountId"
       FROM "OrganizationSettings" ORDER BY "organizationId"`,
    );
    return rows;
  });
}

const acmeNote = { defaultStatuses: ["offline"], note: "Acme only: lunch 12-13." };

describe("organization settings (emulator + PostgreSQL)", () => {
  beforeEach(async () => {
    await resetDatabase(stack.databaseUrl);
    await emulator.reset();
  });
  afterEach(() => vi.restoreAllMocks());

  it("an owner saves, in one INSERT ... ON CONFLICT, and the board reads it with the account", async () => {
    const alice = await livechatOf("alice@acme.test");
    expect(await getSettings(alice)).toEqual({
      kind: "ok",
      settings: { defaultStatuses: [], note: "", updatedAt: null, canEdit: true },
    });

    const query = vi.spyOn(pg.Client.prototype, "query");
    const result = await saveSettings(alice, acmeNote);
    const statements = query.mock.calls.map(([sql]) =>
      String((sql as { text?: string }).text ?? sql),
    );
    query.mockRestore();

    expect(result).toMatchObject({ kind: "saved", settings: { ...acmeNote, canEdit: true } });
    expect(statements.filter((sql) => /OrganizationSettings/.test(sql))).toHaveLength(1);
    expect(statements.find((sql) => /OrganizationSettings/.test(sql))).toMatch(/ON CONFLICT/);
    expect(await storedSettings()).toEqual([
      { organizationId: ACME, ...acmeNote, updatedByAccountId: SEEDED.accounts.alice },
    ]);

    const viewer = await getViewer(
      (await storedAccountOf(stack.databaseUrl, "alice@acme.test")).user_id,
    );
    expect(viewer).toMatchObject({ kind: "ready", organization: { settings: acmeNote } });
  });

  it("a normal agent sees the settings read-only and is refused a save, which changes nothing", async () => {
    await saveSettings(await livechatOf("alice@acme.test"), acmeNote);
    const before = await storedSettings();
    const nora = await livechatOf("nora@acme.test");

    expect(await getSettings(nora)).toMatchObject({
      kind: "ok",
      settings: { ...acmeNote, canEdit: false },
    });
    expect(
      await saveSettings(nora, { defaultStatuses: ["accepting_chats"], note: "Nora was here." }),
    ).toEqual({ kind: "forbidden" });
    expect(await storedSettings()).toEqual(before);
  });

  it("two admins saving at once: the row is one of the two saves, whole", async () => {
    const [alice, victor] = [
      await livechatOf("alice@acme.test"),
      await livechatOf("victor@acme.test"),
    ];
    const saves: Record<string, { defaultStatuses: string[]; note: string }> = {
      [SEEDED.accounts.alice]: { defaultStatuses: ["accepting_chats"], note: "Alice's note." },
      [SEEDED.accounts.victor]: {
        defaultStatuses: ["not_accepting_chats", "offline"],
        note: "Victor's note.",
      },
    };
    // From no row at all (two INSERTs race), then over an existing one, a few times.
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all([
        saveSettings(alice, saves[SEEDED.accounts.alice]),
        saveSettings(victor, saves[SEEDED.accounts.victor]),
      ]);
      expect(results.map((result) => result.kind)).toEqual(["saved", "saved"]);
      const [row] = await storedSettings();
      expect(row).toEqual({
        organizationId: ACME,
        ...saves[row!.updatedByAccountId],
        updatedByAccountId: row!.updatedByAccountId,
      });
    }
  });

  it("another organization's owner neither reads nor writes Acme's settings", async () => {
    await saveSettings(await livechatOf("alice@acme.test"), acmeNote);
    const greta = await livechatOf("greta@globex.test");

    expect(await getSettings(greta)).toEqual({
      kind: "ok",
      settings: { defaultStatuses: [], note: "", updatedAt: null, canEdit: true },
    });
    const globexNote = { defaultStatuses: ["accepting_chats"], note: "Globex only." };
    expect(await saveSettings(greta, { ...globexNote, organizationId: ACME })).toMatchObject({
      kind: "saved",
      settings: globexNote,
    });
    expect(await storedSettings()).toEqual(
      [
        { organizationId: ACME, ...acmeNote, updatedByAccountId: SEEDED.accounts.alice },
        { organizationId: GLOBEX, ...globexNote, updatedByAccountId: SEEDED.accounts.greta },
      ].sort((a, b) => a.organizationId.localeCompare(b.organizationId)),
    );
  });

  it("invalid input is explained and writes nothing", async () => {
    const alice = await livechatOf("alice@acme.test");
    expect(await saveSettings(alice, { defaultStatuses: ["busy"], note: "x".repeat(312) })).toEqual(
      {
        kind: "invalid",
        fieldErrors: {
          defaultStatuses: "Choose statuses from the list.",
          note: "The note can be at most 280 characters (it has 312).",
        },
      },
    );
    expect(await storedSettings()).toEqual([]);
  });

  it("LiveChat unreachable: nothing is saved and the caller is told", async () => {
    const alice = await livechatOf("alice@acme.test");
    await emulator.fault({
      endpoint: "/v3.6/configuration/action/list_agents",
      method: "POST",
      status: 503,
    });
    try {
      expect(await saveSettings(alice, acmeNote)).toEqual({
        kind: "problem",
        problem: "livechat_unavailable",
      });
    } finally {
      await emulator.clearFaults();
    }
    expect(await storedSettings()).toEqual([]);
  });
});
