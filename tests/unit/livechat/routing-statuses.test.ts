import { describe, expect, it } from "vitest";
import { listRoutingStatuses, toRoutingStatus } from "@/lib/livechat/routing-statuses";
import { fakeFetch, json } from "./fake-fetch";

function ctx(fetch: typeof globalThis.fetch) {
  return { apiUrl: "https://api.example.test", accessToken: "fra:t", fetch };
}

describe("listRoutingStatuses", () => {
  it("posts to list_routing_statuses and maps each status", async () => {
    const { fetch, calls } = fakeFetch(
      json([
        { agent_id: "smith@example.com", status: "accepting_chats" },
        { agent_id: "bot@example.com", status: "offline", extra: 1 },
      ]),
    );

    const statuses = await listRoutingStatuses(ctx(fetch));

    expect(calls[0]?.url).toBe("https://api.example.test/v3.6/agent/action/list_routing_statuses");
    expect(calls[0]?.body).toBe("{}");
    expect(statuses).toEqual([
      { agentId: "smith@example.com", status: "accepting_chats" },
      { agentId: "bot@example.com", status: "offline" },
    ]);
  });

  it("sends the group filter in LiveChat's names", async () => {
    const { fetch, calls } = fakeFetch(json([]));

    await listRoutingStatuses(ctx(fetch), { filters: { groupIds: [0] } });

    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({ filters: { group_ids: [0] } });
  });

  it("keeps a status value it does not know instead of failing", () => {
    expect(toRoutingStatus({ agent_id: "a", status: "on_break" })).toEqual({
      agentId: "a",
      status: "on_break",
    });
  });
});
