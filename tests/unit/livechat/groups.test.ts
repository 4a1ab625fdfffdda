import { afterEach, describe, expect, it, vi } from "vitest";
import { listGroups, parseGroupWire } from "@/lib/livechat/groups";
import { warnings } from "../../support/warnings";
import { fakeFetch, json, liveChatError } from "./fake-fetch";

// list_groups (Configuration API v3.6, configuration-api/index.mdx L2594-2640), read as leniently
// as agents are: one odd group costs itself, one odd field costs that field.

const ctx = (fetch: typeof globalThis.fetch) => ({
  apiUrl: "https://api.example.test",
  accessToken: "dal:t",
  fetch,
  retries: 0,
});

// The docs' sample answer (payloads/management/v3.6/configuration-api/responses/groups/listGroups.json).
const sample = [
  { id: 0, name: "General", language_code: "en", routing_status: "offline" },
  { id: 19, name: "Sport shoes", language_code: "en", routing_status: "offline" },
];

afterEach(() => vi.restoreAllMocks());

describe("listGroups", () => {
  it("posts to list_groups and maps the docs' sample, group 0 included", async () => {
    const { fetch, calls } = fakeFetch(json(sample));

    const groups = await listGroups(ctx(fetch));

    expect(calls[0]?.url).toBe("https://api.example.test/v3.6/configuration/action/list_groups");
    expect(calls[0]?.headers.get("authorization")).toBe("Bearer dal:t");
    expect(calls[0]?.body).toBe("{}");
    expect(groups).toEqual([
      { id: 0, name: "General", languageCode: "en", routingStatus: "offline" },
      { id: 19, name: "Sport shoes", languageCode: "en", routingStatus: "offline" },
    ]);
  });

  it("asks for the extra fields in LiveChat's names and maps agent_priorities", async () => {
    const { fetch, calls } = fakeFetch(
      json([
        { ...sample[1], agent_priorities: { "a@example.com": "normal", "b@example.com": "last" } },
      ]),
    );

    const [group] = await listGroups(ctx(fetch), { fields: ["agentPriorities", "routingStatus"] });

    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({
      fields: ["agent_priorities", "routing_status"],
    });
    expect(group?.agentPriorities).toEqual({ "a@example.com": "normal", "b@example.com": "last" });
  });

  it("keeps every group it can read, and logs what it skipped with counts only", async () => {
    const { fetch } = fakeFetch(
      json([
        sample[0],
        { id: 3, name: 42, language_code: "de" },
        { id: 4, name: "" },
        { id: "5", name: "String id" },
        { id: 6.5, name: "Fractional id" },
        { name: "No id" },
        "General",
        { id: 7, name: "Priorities", agent_priorities: { "a@example.com": 1 } },
      ]),
    );
    let groups: Awaited<ReturnType<typeof listGroups>> = [];
    const lines = await warnings(async () => (groups = await listGroups(ctx(fetch))));

    expect(groups).toEqual([
      { id: 0, name: "General", languageCode: "en", routingStatus: "offline" },
      { id: 3, languageCode: "de" },
      { id: 4 },
      { id: 7, name: "Priorities" },
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "warn",
      event: "livechat.groups_skipped",
      total: 8,
      groups: 4,
      fields: { name: 1, id: 3, group: 1, agent_priorities: 1 },
    });
    expect(JSON.stringify(lines)).not.toMatch(/No id|String id|example\.com/);
  });

  it("logs nothing for a clean answer", async () => {
    const { fetch } = fakeFetch(json(sample));

    expect(await warnings(() => listGroups(ctx(fetch)))).toEqual([]);
  });

  it("fails with LiveChat's authorization error when the token lacks groups--all:ro", async () => {
    const { fetch } = fakeFetch(liveChatError("authorization", "Authorization error", 403));

    await expect(listGroups(ctx(fetch))).rejects.toMatchObject({
      name: "LiveChatApiError",
      type: "authorization",
      status: 403,
      transient: false,
    });
  });

  it("fails as invalid_response when the answer is not a list", async () => {
    const { fetch } = fakeFetch(json({ groups: sample }));

    await expect(listGroups(ctx(fetch))).rejects.toMatchObject({ type: "invalid_response" });
  });
});

describe("parseGroupWire", () => {
  it("ignores fields it does not know", () => {
    expect(parseGroupWire({ id: 1, name: "Sales", shoe_size: 44 })).toEqual({
      wire: { id: 1, name: "Sales" },
      skipped: [],
    });
  });

  it.each([
    ["a negative id", { id: -1 }, "id"],
    ["a null id", { id: null }, "id"],
    ["an array", [0, "General"], "group"],
    ["null", null, "group"],
  ])("skips a group with %s", (_, raw, reason) => {
    expect(parseGroupWire(raw)).toEqual({ wire: null, skipped: [reason] });
  });
});
