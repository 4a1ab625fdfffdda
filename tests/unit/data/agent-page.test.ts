import { describe, expect, it } from "vitest";
import { toAgentBoard, toAgentPage } from "@/lib/data/agent-board";
import { DEFAULT_AGENT_QUERY } from "@/lib/data/agent-query";
import type { AgentQuery } from "@/lib/data/types";
import { agent } from "./agents";

const FETCHED_AT = new Date("2026-12-01T10:00:00.000Z");
const VIEWER = { accountId: "acc-nobody" };

const board = toAgentBoard(
  [
    agent("dora@x.test", "Dora", { role: "administrator" }),
    agent("adam@x.test", "Adam", { role: "owner" }),
    agent("carl@x.test", "Carl"),
    agent("bella@x.test", "Bella", { role: "viceowner" }),
    agent("eve@other.test", "Eve"),
    agent("finn@x.test", "Finn", { role: "bot_keeper" }),
  ],
  [
    { agentId: "carl@x.test", status: "accepting_chats" },
    { agentId: "bella@x.test", status: "not_accepting_chats" },
    { agentId: "eve@other.test", status: "accepting_chats" },
    { agentId: "finn@x.test", status: "busy_new_status" },
  ],
);

const pageOf = (query: Partial<AgentQuery>, viewer = VIEWER) =>
  toAgentPage(board, { ...DEFAULT_AGENT_QUERY, ...query }, viewer, FETCHED_AT);
const names = (query: Partial<AgentQuery>) => pageOf(query).rows.map((row) => row.name);

function manyAgents(count: number) {
  const agents = Array.from({ length: count }, (_, i) =>
    agent(`a${String(i).padStart(3, "0")}@x.test`, `Agent ${String(i).padStart(3, "0")}`),
  );
  return toAgentBoard(agents, []);
}

describe("toAgentPage", () => {
  it("serves the whole board by name, with the organization's counts and when LiveChat answered", () => {
    const page = pageOf({});
    expect(page.rows.map((row) => row.name)).toEqual([
      "Adam",
      "Bella",
      "Carl",
      "Dora",
      "Eve",
      "Finn",
    ]);
    expect(page).toMatchObject({
      total: 6,
      pageSize: 50,
      pageCount: 1,
      query: DEFAULT_AGENT_QUERY,
      fetchedAt: "2026-12-01T10:00:00.000Z",
      counts: { accepting_chats: 2, not_accepting_chats: 1, offline: 2 },
    });
  });

  it("searches name or email, case-insensitive", () => {
    expect(names({ q: "ADA" })).toEqual(["Adam"]);
    expect(names({ q: "other.TEST" })).toEqual(["Eve"]);
    expect(names({ q: "@x.test" })).toEqual(["Adam", "Bella", "Carl", "Dora", "Finn"]);
    expect(names({ q: "nobody" })).toEqual([]);
  });

  it("filters by status and by role, and combines them with the search", () => {
    expect(names({ status: "accepting_chats" })).toEqual(["Carl", "Eve"]);
    expect(names({ status: "offline" })).toEqual(["Adam", "Dora"]);
    expect(names({ role: "normal" })).toEqual(["Carl", "Eve"]);
    expect(names({ role: "normal", status: "accepting_chats", q: "carl" })).toEqual(["Carl"]);
  });

  it("keeps the counts of the whole organization whatever the query matches", () => {
    const page = pageOf({ q: "nobody" });
    expect(page.total).toBe(0);
    expect(page.counts).toEqual({ accepting_chats: 2, not_accepting_chats: 1, offline: 2 });
  });

  it("sorts by status: accepting, not accepting, offline, anything else, then by name", () => {
    expect(names({ sort: "status" })).toEqual(["Carl", "Eve", "Bella", "Adam", "Dora", "Finn"]);
  });

  it("sorts by role: owner, vice owner, administrator, normal, anything else, then by name", () => {
    expect(names({ sort: "role" })).toEqual(["Adam", "Bella", "Dora", "Carl", "Eve", "Finn"]);
  });

  it("pages 50 at a time", () => {
    const big = manyAgents(120);
    const query = { ...DEFAULT_AGENT_QUERY, page: 3 };
    const page = toAgentPage(big, query, VIEWER, FETCHED_AT);
    expect(page.rows.map((row) => row.name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Agent ${100 + i}`),
    );
    expect(page).toMatchObject({ total: 120, pageCount: 3, query: { page: 3 } });
    const second = toAgentPage(big, { ...query, page: 2 }, VIEWER, FETCHED_AT);
    expect(second.rows).toHaveLength(50);
    expect(second.rows[0]?.name).toBe("Agent 050");
  });

  it("clamps a page past the last to the last one", () => {
    const big = manyAgents(120);
    const page = toAgentPage(big, { ...DEFAULT_AGENT_QUERY, page: 1_000_000 }, VIEWER, FETCHED_AT);
    expect(page.query.page).toBe(3);
    expect(page.rows).toHaveLength(20);
  });

  it("has one empty page when nothing matches", () => {
    const page = pageOf({ q: "nobody", page: 4 });
    expect(page).toMatchObject({ rows: [], total: 0, pageCount: 1, query: { page: 1 } });
  });

  it("exactly 50 matches are one page", () => {
    const page = toAgentPage(manyAgents(50), DEFAULT_AGENT_QUERY, VIEWER, FETCHED_AT);
    expect(page.pageCount).toBe(1);
    expect(page.rows).toHaveLength(50);
  });

  it.each([
    ["acc-adam@x.test", true],
    ["acc-bella@x.test", true],
    ["acc-dora@x.test", true],
    ["acc-carl@x.test", false],
    ["acc-finn@x.test", false],
    ["acc-nobody", false],
  ])("decides viewerIsAdmin by the viewer's LiveChat account id (%s: %s)", (accountId, admin) => {
    expect(pageOf({}, { accountId }).viewerIsAdmin).toBe(admin);
  });

  it("does not take an email for an account id", () => {
    expect(pageOf({}, { accountId: "adam@x.test" }).viewerIsAdmin).toBe(false);
  });

  it("puts no account id in the rows", () => {
    for (const row of pageOf({}).rows) expect(JSON.stringify(row)).not.toContain("acc-");
  });
});
