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
