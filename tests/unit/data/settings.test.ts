import { beforeEach, describe, expect, it, vi } from "vitest";
import { toAgentPage, toAgentBoard } from "@/lib/data/agent-board";
import { DEFAULT_AGENT_QUERY, parseAgentQuery, shownStatuses } from "@/lib/data/agent-query";
import { LiveChatSession } from "@/lib/data/livechat-session";
import { saveSettings } from "@/lib/data/settings";
import {
  isAdminRole,
  maySaveSettings,
  parseSettingsInput,
  toBoardSettings,
} from "@/lib/data/settings-rules";
import { listAgents, LiveChatApiError, type Agent } from "@/lib/livechat";

// The settings' rules: what a save may hold (and how a refusal reads), who may save, and how the
// board applies what was saved. saveSettings runs with LiveChat and the database faked.

const { upsert } = vi.hoisted(() => ({ upsert: vi.fn() }));
vi.mock("@/lib/db", () => ({ prisma: { organizationSettings: { upsert } } }));
vi.mock("@/lib/livechat", async (original) => ({
  ...(await original<typeof import("@/lib/livechat")>()),
  listAgents: vi.fn(),
}));

const agent = (accountId: string, role: string): Agent => ({
  id: `${accountId}@x.test`,
  accountId,
  name: accountId,
  avatarUrl: null,
  role,
});

describe("parseSettingsInput", () => {
  it("accepts statuses from the list, once each in the board's order, and a trimmed note", () => {
    expect(
      parseSettingsInput({
        defaultStatuses: ["offline", "accepting_chats", "offline"],
        note: "  Lunch 12-13.\r\nBack at 13.  ",
      }),
    ).toEqual({
      ok: true,
      value: { defaultStatuses: ["accepting_chats", "offline"], note: "Lunch 12-13.\nBack at 13." },
    });
    expect(parseSettingsInput({ defaultStatuses: [], note: "" })).toEqual({
      ok: true,
      value: { defaultStatuses: [], note: "" },
    });
  });

  it("counts the note in characters and says how many it has", () => {
    expect(parseSettingsInput({ defaultStatuses: [], note: "😀".repeat(280) }).ok).toBe(true);
    expect(parseSettingsInput({ defaultStatuses: [], note: "x".repeat(312) })).toEqual({
      ok: false,
      fieldErrors: { note: "The note can be at most 280 characters (it has 312)." },
    });
  });

  it("explains each field that is wrong, and only those", () => {
    expect(parseSettingsInput({ defaultStatuses: ["busy"], note: 42 })).toEqual({
      ok: false,
      fieldErrors: {
        defaultStatuses: "Choose statuses from the list.",
        note: "The note must be text.",
      },
    });
    expect(parseSettingsInput({ defaultStatuses: "offline", note: "" })).toEqual({
      ok: false,
      fieldErrors: { defaultStatuses: "Choose statuses from the list." },
    });
    expect(parseSettingsInput({ defaultStatuses: Array(4).fill("offline"), note: "" })).toEqual({
      ok: false,
      fieldErrors: { defaultStatuses: "Choose statuses from the list." },
    });
    expect(parseSettingsInput({ defaultStatuses: [], note: "a\u0000b" })).toEqual({
      ok: false,
      fieldErrors: {
        note: "The note can hold text and line breaks only, no control characters.",
      },
    });
  });

  it("refuses what is not a form at all", () => {
    expect(parseSettingsInput(null)).toEqual({
      ok: false,
      fieldErrors: { form: "Send the settings as a form." },
    });
    expect(parseSettingsInput({ note: "" })).toMatchObject({
      ok: false,
      fieldErrors: { defaultStatuses: "Choose statuses from the list." },
    });
  });
});

describe("who may save", () => {
  const agents = [
    agent("acc-owner", "owner"),
    agent("acc-vice", "viceowner"),
    agent("acc-admin", "administrator"),
    agent("acc-normal", "normal"),
    agent("acc-new", "some_future_role"),
  ];

  it.each([
    ["acc-owner", true],
    ["acc-vice", true],
    ["acc-admin", true],
    ["acc-normal", false],
    ["acc-new", false],
    ["acc-not-in-this-organization", false],
  ])("LiveChat's role of %s decides: %s", (accountId, allowed) => {
    expect(maySaveSettings(agents, accountId)).toBe(allowed);
  });

  it("knows no role by its email or its case", () => {
    expect(maySaveSettings(agents, "acc-owner@x.test")).toBe(false);
    expect(isAdminRole("Owner")).toBe(false);
    expect(isAdminRole(undefined)).toBe(false);
  });
});

describe("saveSettings", () => {
  const session = () =>
    new LiveChatSession("user-1", "acc-admin", {
      accessToken: "dal:never-sent",
      version: 0,
      organizationId: "org-1",
    });
  const saved = { defaultStatuses: ["offline"], note: "Hi", updatedAt: new Date(0) };

  beforeEach(() => {
    upsert.mockReset().mockResolvedValue(saved);
    vi.mocked(listAgents).mockReset();
  });

  it("writes the session's organization, one upsert, when LiveChat says the account is an admin", async () => {
    vi.mocked(listAgents).mockResolvedValue([agent("acc-admin", "administrator")]);
    const result = await saveSettings(session(), {
      defaultStatuses: ["offline"],
      note: "Hi",
      organizationId: "org-2",
    });
    expect(result).toEqual({
      kind: "saved",
      settings: {
        defaultStatuses: ["offline"],
        note: "Hi",
        updatedAt: "1970-01-01T00:00:00.000Z",
        canEdit: true,
      },
    });
    const data = { defaultStatuses: ["offline"], note: "Hi", updatedByAccountId: "acc-admin" };
    expect(upsert).toHaveBeenCalledExactlyOnceWith({
      where: { organizationId: "org-1" },
      create: { organizationId: "org-1", ...data },
      update: data,
    });
  });

  it("refuses a normal agent and writes nothing", async () => {
    vi.mocked(listAgents).mockResolvedValue([agent("acc-admin", "normal")]);
    expect(await saveSettings(session(), { defaultStatuses: [], note: "" })).toEqual({
      kind: "forbidden",
    });
    expect(upsert).not.toHaveBeenCalled();
  });

  it("refuses invalid input before asking LiveChat or writing", async () => {
    expect(await saveSettings(session(), { defaultStatuses: ["x"], note: "" })).toMatchObject({
      kind: "invalid",
    });
    expect(listAgents).not.toHaveBeenCalled();
    expect(upsert).not.toHaveBeenCalled();
  });

  it("writes nothing when LiveChat cannot say who the account is", async () => {
    vi.mocked(listAgents).mockRejectedValue(
      new LiveChatApiError({ type: "internal", status: 503, message: "down" }),
    );
    expect(await saveSettings(session(), { defaultStatuses: [], note: "" })).toEqual({
      kind: "problem",
      problem: "livechat_unavailable",
    });
    expect(upsert).not.toHaveBeenCalled();
  });
});

describe("the board with the organization's settings", () => {
  const board = toAgentBoard(
    [agent("a", "normal"), agent("b", "normal"), agent("c", "normal")],
    [
      { agentId: "a@x.test", status: "accepting_chats" },
      { agentId: "b@x.test", status: "not_accepting_chats" },
    ],
  );
  const idsOf = (params: Record<string, string>, defaultStatuses: string[]) => {
    const settings = toBoardSettings({ defaultStatuses, note: "" });
    const query = { ...parseAgentQuery(params), defaultStatuses: settings.defaultStatuses };
    return toAgentPage(board, query, { accountId: "a" }, new Date()).rows.map((row) => row.id);
  };

  it("shows the default statuses when the URL names none", () => {
    expect(idsOf({}, ["offline"])).toEqual(["c@x.test"]);
    expect(idsOf({}, ["offline", "accepting_chats"])).toEqual(["a@x.test", "c@x.test"]);
    expect(idsOf({}, [])).toHaveLength(3);
    expect(idsOf({}, ["accepting_chats", "not_accepting_chats", "offline"])).toHaveLength(3);
  });

  it("lets the URL's status win, and ?status=all show every status", () => {
    expect(idsOf({ status: "accepting_chats" }, ["offline"])).toEqual(["a@x.test"]);
    expect(idsOf({ status: "all" }, ["offline"])).toHaveLength(3);
    expect(shownStatuses({ ...DEFAULT_AGENT_QUERY, status: "all" })).toBeNull();
  });

  it("drops a stored value the app does not know", () => {
    expect(toBoardSettings({ defaultStatuses: ["busy", "offline"], note: "n" })).toEqual({
      defaultStatuses: ["offline"],
      note: "n",
    });
    expect(toBoardSettings(null)).toEqual({ defaultStatuses: [], note: "" });
  });
});
