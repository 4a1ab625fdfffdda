import { afterEach, describe, expect, it, vi } from "vitest";
import { getAgentDetail, toAgentDetail } from "@/lib/data/agent-detail";
import { LiveChatSession } from "@/lib/data/livechat-session";
import type { Agent } from "@/lib/livechat";

const bella: Agent = {
  id: "bella@x.test",
  accountId: "acc-bella",
  name: "Bella",
  avatarUrl: "https://cdn.livechat-files.com/api/file/lc/img/1/b.png",
  role: "viceowner",
  jobTitle: "Support lead",
  maxChatsCount: 6,
  lastLogout: new Date("2026-11-30T17:00:00.000Z"),
  suspended: false,
  groups: [{ id: 0, priority: "first" }],
};

describe("toAgentDetail", () => {
  it("maps the agent with its routing status", () => {
    expect(
      toAgentDetail(bella, [
        { agentId: "carl@x.test", status: "accepting_chats" },
        { agentId: "bella@x.test", status: "not_accepting_chats" },
      ]),
    ).toEqual({
      id: "bella@x.test",
      name: "Bella",
      email: "bella@x.test",
      role: "viceowner",
      jobTitle: "Support lead",
      avatarUrl: "https://cdn.livechat-files.com/api/file/lc/img/1/b.png",
      status: "not_accepting_chats",
      groups: [{ id: 0, priority: "first" }],
      lastLogout: "2026-11-30T17:00:00.000Z",
      maxChatsCount: 6,
      suspended: false,
    });
  });

  it("names each group from list_groups; one list_groups did not name stays unnamed", () => {
    const detail = toAgentDetail(
      {
        ...bella,
        groups: [
          { id: 0, priority: "first" },
          { id: 7, priority: "supervisor" },
          { id: 2, priority: "normal" },
        ],
      },
      [],
      [{ id: 0, name: "General" }, { id: 2 }, { id: 3, name: "Sales" }],
    );
    expect(detail.groups).toEqual([
      { id: 0, priority: "first", name: "General" },
      { id: 7, priority: "supervisor" },
      { id: 2, priority: "normal" },
    ]);
    expect(detail.groups[1]?.name).toBeUndefined();
  });

  it("fills what LiveChat left out: offline, no groups, no logout, not suspended", () => {
    const bare: Agent = {
      id: "a@x.test",
      accountId: "1",
      name: "A",
      avatarUrl: null,
      role: "normal",
    };
    expect(toAgentDetail({ ...bare, jobTitle: "" }, [])).toMatchObject({
      status: "offline",
      jobTitle: null,
      groups: [],
      lastLogout: null,
      maxChatsCount: null,
      suspended: false,
    });
  });
});

describe("getAgentDetail", () => {
  afterEach(() => vi.restoreAllMocks());
  const session = new LiveChatSession("user-1", "acc-1", {
    accessToken: "dal:never-sent",
    version: 0,
    organizationId: "org-1",
  });

  it.each(["", "x".repeat(255)])(
    "answers not_found for the implausible id %j without calling LiveChat",
    async (id) => {
      const fetch = vi.spyOn(globalThis, "fetch");
      expect(await getAgentDetail(session, id)).toEqual({ kind: "not_found" });
      expect(fetch).not.toHaveBeenCalled();
    },
  );
});

describe("getAgentDetail's group names", () => {
  afterEach(() => vi.restoreAllMocks());
  const session = new LiveChatSession("user-1", "acc-1", {
    accessToken: "dal:never-sent",
    version: 0,
    organizationId: "org-1",
  });

  /** LiveChat answering get_agent and list_routing_statuses, and list_groups with `groups`. */
  function liveChat(groups: Response) {
    return vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
      const action = String(input).split("/").pop();
      if (action === "get_agent") {
        return Response.json({
          id: "bella@x.test",
          name: "Bella",
          role: "normal",
          groups: [
            { id: 0, priority: "first" },
            { id: 1, priority: "normal" },
          ],
        });
      }
      if (action === "list_routing_statuses") return Response.json([]);
      if (action === "list_groups") return groups;
      throw new Error(`unexpected call to ${String(input)}`);
    });
  }

  const groupsOf = async () => {
    const result = await getAgentDetail(session, "bella@x.test");
    if (result.kind !== "ok") throw new Error(`expected the agent, got ${result.kind}`);
    return result.agent.groups;
  };

  it("asks list_groups alongside get_agent and names the agent's groups", async () => {
    const fetch = liveChat(
      Response.json([
        { id: 0, name: "General", language_code: "en" },
        { id: 1, name: "Billing", language_code: "en" },
      ]),
    );
    expect(await groupsOf()).toEqual([
      { id: 0, priority: "first", name: "General" },
      { id: 1, priority: "normal", name: "Billing" },
    ]);
    expect(fetch.mock.calls.map(([input]) => String(input).split("/").pop()).sort()).toEqual([
      "get_agent",
      "list_groups",
      "list_routing_statuses",
    ]);
  });

  it.each([
    ["refuses a token without groups--all:ro", "authorization", 403],
    ["fails", "internal", 500],
  ])("still shows the agent, groups unnamed, when list_groups %s", async (_, type, status) => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    liveChat(Response.json({ error: { type, message: "no" } }, { status }));
    expect(await groupsOf()).toEqual([
      { id: 0, priority: "first" },
      { id: 1, priority: "normal" },
    ]);
  });
});

describe("LiveChatSession", () => {
  it("keeps its token out of JSON and of its enumerable properties", () => {
    const session = new LiveChatSession("user-1", "acc-1", {
      accessToken: "dal:secret-token",
      version: 3,
      organizationId: "org-1",
    });
    expect(JSON.stringify(session)).not.toContain("secret-token");
    expect(Object.values(session).join(" ")).not.toContain("secret-token");
    expect(LiveChatSession.grantOf(session).accessToken).toBe("dal:secret-token");
  });
});
