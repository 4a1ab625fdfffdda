import { afterEach, describe, expect, it, vi } from "vitest";
import { getAgent, listAgents, parseAgentWire } from "@/lib/livechat/agents";
import { listRoutingStatuses } from "@/lib/livechat/routing-statuses";
import { warnings } from "../../support/warnings";
import { fakeFetch, json } from "./fake-fetch";

// LiveChat's own SDK types every agent field but `id` as optional (lc-sdk-js
// src/configuration/structures/structures.ts): one odd agent must cost itself, never the list.

const ctx = (fetch: typeof globalThis.fetch) => ({
  apiUrl: "https://api.example.test",
  accessToken: "dal:t",
  fetch,
});

const jones = {
  id: "jones@example.com",
  account_id: "2fca3315-f6b2-422f-8550-c84b649cef1a",
  name: "Jones",
  avatar_path: "cdn.livechatinc.com/avatars/2.png",
  role: "viceowner",
  login_status: "accepting chats",
};

afterEach(() => vi.restoreAllMocks());

describe("parseAgentWire", () => {
  it("keeps an agent with only an id", () => {
    expect(parseAgentWire({ id: "a@x.test" })).toEqual({ wire: { id: "a@x.test" }, skipped: [] });
  });

  it("drops only the fields of the wrong type, and ignores fields it does not know", () => {
    expect(parseAgentWire({ ...jones, name: 42, max_chats_count: "5", shoe_size: 44 })).toEqual({
      wire: { ...jones, name: undefined, max_chats_count: undefined },
      skipped: ["name", "max_chats_count"],
    });
  });

  it.each([
    ["no id", { name: "Nobody" }, "id"],
    ["an empty id", { id: "" }, "id"],
    ["a numeric id", { id: 7 }, "id"],
    ["not an object", "jones@example.com", "agent"],
    ["null", null, "agent"],
  ])("skips an agent with %s", (_, raw, reason) => {
    expect(parseAgentWire(raw)).toEqual({ wire: null, skipped: [reason] });
  });
});

describe("listAgents with odd agents", () => {
  const odd = [
    jones,
    { id: "noname@example.com", account_id: "3", role: "normal" },
    { id: "newrole@example.com", account_id: "4", name: "New Role", role: "supervisor_plus" },
    { ...jones, id: "extra@example.com", name: "Extra", hobby: "chess", work_scheduler: {} },
    { name: "No Id", role: "normal" },
    { id: "norole@example.com", name: "No Role" },
  ];

  it("shows every agent it can: a missing name as the id, an unknown role as sent", async () => {
    const { fetch } = fakeFetch(json(odd));
    let agents: Awaited<ReturnType<typeof listAgents>> = [];
    await warnings(async () => (agents = await listAgents(ctx(fetch))));

    expect(agents.map((a) => a.id)).toEqual([
      "jones@example.com",
      "noname@example.com",
      "newrole@example.com",
      "extra@example.com",
      "norole@example.com",
    ]);
    expect(agents[1]).toMatchObject({ name: "noname@example.com", role: "normal" });
    expect(agents[2]?.role).toBe("supervisor_plus");
    expect(agents[3]).not.toHaveProperty("hobby");
    expect(agents[4]).toMatchObject({ name: "No Role", role: "" });
    expect(agents[4]?.accountId).toBeUndefined();
  });

  it("logs what it skipped on one line, with counts and field names, never who", async () => {
    const { fetch } = fakeFetch(json([...odd, { ...jones, id: "typo@example.com", role: 3 }]));

    const lines = await warnings(() => listAgents(ctx(fetch)));

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "warn",
      event: "livechat.agents_skipped",
      action: "list_agents",
      total: 7,
      agents: 1,
      fields: { id: 1, role: 1 },
    });
    expect(JSON.stringify(lines)).not.toMatch(/example\.com|Jones|No Id/);
  });

  it("logs nothing for a clean list", async () => {
    const { fetch } = fakeFetch(json([jones]));

    expect(await warnings(() => listAgents(ctx(fetch)))).toEqual([]);
  });

  it("reads a list of 1,000 agents", async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...jones, id: `a${i}@example.com` }));
    const { fetch } = fakeFetch(json(many));

    expect(await listAgents(ctx(fetch))).toHaveLength(1000);
  });
});

describe("getAgent with an odd agent", () => {
  it("shows the agent without its odd field", async () => {
    const { fetch } = fakeFetch(json({ ...jones, name: null }));
    let agent: Awaited<ReturnType<typeof getAgent>> | undefined;
    const lines = await warnings(async () => {
      agent = await getAgent(ctx(fetch), { id: jones.id });
    });

    expect(agent).toMatchObject({ id: jones.id, name: jones.id, role: "viceowner" });
    expect(lines).toMatchObject([{ action: "get_agent", agents: 0, fields: { name: 1 } }]);
  });

  it("fails as invalid_response when the answer has no id", async () => {
    const { fetch } = fakeFetch(json({ name: "Jones" }));

    await expect(getAgent(ctx(fetch), { id: jones.id })).rejects.toMatchObject({
      type: "invalid_response",
    });
  });
});

describe("listRoutingStatuses with odd entries", () => {
  it("keeps the readable entries, unknown statuses included, and logs how many it skipped", async () => {
    const { fetch } = fakeFetch(
      json([
        { agent_id: "jones@example.com", status: "on_break" },
        { status: "accepting_chats" },
        { agent_id: "smith@example.com", status: "accepting_chats", since: 1 },
      ]),
    );
    let statuses: Awaited<ReturnType<typeof listRoutingStatuses>> = [];
    const lines = await warnings(async () => (statuses = await listRoutingStatuses(ctx(fetch))));

    expect(statuses).toEqual([
      { agentId: "jones@example.com", status: "on_break" },
      { agentId: "smith@example.com", status: "accepting_chats" },
    ]);
    expect(lines).toMatchObject([
      { event: "livechat.routing_statuses_skipped", total: 3, skipped: 1 },
    ]);
  });
});
