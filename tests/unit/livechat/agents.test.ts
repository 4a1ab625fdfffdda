import { describe, expect, it } from "vitest";
import { getAgent, listAgents, toAgent, type AgentWire } from "@/lib/livechat/agents";
import { fakeFetch, json, liveChatError } from "./fake-fetch";

const smith = {
  id: "smith@example.com",
  account_id: "d24fa41e-bc16-41b8-a15b-9ca45ff7e0cf",
  name: "Smith",
  avatar_path: "cdn.livechatinc.com/avatars/1.png",
  role: "owner",
  login_status: "not accepting chats",
  job_title: "Support Hero",
  max_chats_count: 5,
  last_logout: "2022-08-23T14:31:21.000000Z",
  suspended: false,
  groups: [{ id: 0, priority: "first" }],
};

function ctx(fetch: typeof globalThis.fetch) {
  return { apiUrl: "https://api.example.test", accessToken: "dal:t", fetch };
}

describe("toAgent", () => {
  it("maps every field to camelCase", () => {
    expect(toAgent(smith)).toEqual({
      id: "smith@example.com",
      accountId: "d24fa41e-bc16-41b8-a15b-9ca45ff7e0cf",
      name: "Smith",
      avatarUrl: "https://cdn.livechatinc.com/avatars/1.png",
      role: "owner",
      loginStatus: "not accepting chats",
      jobTitle: "Support Hero",
      maxChatsCount: 5,
      lastLogout: new Date("2022-08-23T14:31:21.000Z"),
      suspended: false,
      groups: [{ id: 0, priority: "first" }],
    });
  });

  it("leaves optional fields undefined when LiveChat omits them", () => {
    const agent = toAgent({ id: "a@x.test", account_id: "1", name: "A", role: "normal" });

    expect(agent).toEqual({
      id: "a@x.test",
      accountId: "1",
      name: "A",
      avatarUrl: null,
      role: "normal",
    });
    expect(agent.lastLogout).toBeUndefined();
  });

  it.each<[Partial<AgentWire>, string | null]>([
    [
      { avatar_path: "cdn.livechatinc.com/avatars/1.png" },
      "https://cdn.livechatinc.com/avatars/1.png",
    ],
    [{ avatar_path: "//cdn.livechatinc.com/a.png" }, "https://cdn.livechatinc.com/a.png"],
    [{ avatar: "https://cdn.livechatinc.com/b.png" }, "https://cdn.livechatinc.com/b.png"],
    [{ avatar: "http://localhost:4010/avatars/c.png" }, "http://localhost:4010/avatars/c.png"],
    [{ avatar_path: "" }, null],
    [{ avatar_path: null }, null],
    [{}, null],
  ])("normalises avatar %j to %s", (avatar, expected) => {
    const wire = { id: "a@x.test", account_id: "1", name: "A", role: "normal", ...avatar };

    expect(toAgent(wire).avatarUrl).toBe(expected);
  });

  it("drops a last_logout that is not a date instead of returning Invalid Date", () => {
    const wire = { id: "a", account_id: "1", name: "A", role: "normal", last_logout: "never" };

    expect(toAgent(wire).lastLogout).toBeUndefined();
  });

  it("reads a null last_logout as none, not as 1970", () => {
    const wire = { id: "a", account_id: "1", name: "A", role: "normal", last_logout: null };

    expect(toAgent(wire).lastLogout).toBeUndefined();
  });
});

describe("listAgents", () => {
  it("posts to list_agents and maps the array, ignoring unknown fields", async () => {
    const { fetch, calls } = fakeFetch(json([{ ...smith, mobile: "+48", work_scheduler: {} }]));

    const agents = await listAgents(ctx(fetch));

    expect(calls[0]?.url).toBe("https://api.example.test/v3.6/configuration/action/list_agents");
    expect(calls[0]?.body).toBe("{}");
    expect(agents).toEqual([toAgent(smith)]);
    expect(agents[0]).not.toHaveProperty("mobile");
  });

  it("sends filters and fields in LiveChat's names", async () => {
    const { fetch, calls } = fakeFetch(json([]));

    await listAgents(ctx(fetch), {
      filters: { groupIds: [0, 1], suspended: false },
      fields: ["jobTitle", "maxChatsCount", "lastLogout", "suspended", "groups"],
    });

    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({
      filters: { group_ids: [0, 1], suspended: false },
      fields: ["job_title", "max_chats_count", "last_logout", "suspended", "groups"],
    });
  });

  it("rejects an answer that is not a list as invalid_response", async () => {
    const { fetch } = fakeFetch(json({ agents: [smith] }));

    await expect(listAgents(ctx(fetch))).rejects.toMatchObject({ type: "invalid_response" });
  });
});

describe("getAgent", () => {
  it("posts the id and fields in LiveChat's names to get_agent and maps the agent", async () => {
    const { fetch, calls } = fakeFetch(json({ ...smith, mobile: "+48" }));

    const agent = await getAgent(ctx(fetch), {
      id: "smith@example.com",
      fields: ["groups", "jobTitle", "lastLogout", "maxChatsCount", "suspended"],
    });

    expect(calls[0]?.url).toBe("https://api.example.test/v3.6/configuration/action/get_agent");
    expect(calls[0]?.headers.get("authorization")).toBe("Bearer dal:t");
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({
      id: "smith@example.com",
      fields: ["groups", "job_title", "last_logout", "max_chats_count", "suspended"],
    });
    expect(agent).toEqual(toAgent(smith));
    expect(agent).not.toHaveProperty("mobile");
  });

  it("takes the avatar from `avatar`, as the docs' get_agent sample sends it", async () => {
    const rest: Partial<typeof smith> = { ...smith };
    delete rest.avatar_path;
    const { fetch } = fakeFetch(json({ ...rest, avatar: "https://cdn.livechatinc.com/b.png" }));

    const agent = await getAgent(ctx(fetch), { id: "smith@example.com" });

    expect(agent.avatarUrl).toBe("https://cdn.livechatinc.com/b.png");
  });

  it("fails with not_found for an unknown id or an agent of another organization", async () => {
    const { fetch, calls } = fakeFetch(liveChatError("not_found", "Agent not found", 404));

    await expect(getAgent(ctx(fetch), { id: "stranger@y.test" })).rejects.toMatchObject({
      name: "LiveChatApiError",
      type: "not_found",
      transient: false,
    });
    expect(calls).toHaveLength(1);
  });

  it("rejects a list instead of one agent as invalid_response", async () => {
    const { fetch } = fakeFetch(json([smith]));

    await expect(getAgent(ctx(fetch), { id: "smith@example.com" })).rejects.toMatchObject({
      type: "invalid_response",
    });
  });
});
