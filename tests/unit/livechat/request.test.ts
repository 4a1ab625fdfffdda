import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LiveChatApiError } from "@/lib/livechat/errors";
import { LIVECHAT_API_VERSION, request, type LiveChatContext } from "@/lib/livechat/request";
import { fakeFetch, json } from "./fake-fetch";

const schema = z.array(z.object({ id: z.string() }));

function context(fetch: typeof globalThis.fetch, overrides: Partial<LiveChatContext> = {}) {
  return { apiUrl: "https://api.example.test", accessToken: "dal:token-1", fetch, ...overrides };
}

describe("request", () => {
  it("posts JSON to the versioned action URL with the Bearer token", async () => {
    const { fetch, calls } = fakeFetch(json([{ id: "a" }]));

    await request(context(fetch), "configuration/action/list_agents", {
      body: { filters: { group_ids: [1] } },
      schema,
    });

    expect(LIVECHAT_API_VERSION).toBe("v3.6");
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe("https://api.example.test/v3.6/configuration/action/list_agents");
    expect(call?.init.method).toBe("POST");
    expect(call?.headers.get("authorization")).toBe("Bearer dal:token-1");
    expect(call?.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(call?.body ?? "")).toEqual({ filters: { group_ids: [1] } });
  });

  it("sends an empty JSON object when there is no body", async () => {
    const { fetch, calls } = fakeFetch(json([]));

    await request(context(fetch), "agent/action/list_routing_statuses", { schema });

    expect(calls[0]?.body).toBe("{}");
  });

  it("does not double the slash when apiUrl ends with one", async () => {
    const { fetch, calls } = fakeFetch(json([]));

    await request(context(fetch, { apiUrl: "http://localhost:4010/" }), "x/action/y", { schema });

    expect(calls[0]?.url).toBe("http://localhost:4010/v3.6/x/action/y");
  });

  it.each([
    ["dal:abc", "dal"],
    ["fra:abc", "fra"],
    ["fra-a:abc", "fra"],
  ])("derives X-Region from a %s token", async (accessToken, region) => {
    const { fetch, calls } = fakeFetch(json([]));

    await request(context(fetch, { accessToken }), "x/action/y", { schema });

    expect(calls[0]?.headers.get("x-region")).toBe(region);
  });

  it("directs the call to the region it is given over the token's prefix", async () => {
    const { fetch, calls } = fakeFetch(json([]));

    await request(context(fetch, { accessToken: "dal:abc", region: "fra" }), "x/action/y", {
      schema,
    });

    expect(calls[0]?.headers.get("x-region")).toBe("fra");
  });

  it("sends no X-Region for a token without a region prefix", async () => {
    const { fetch, calls } = fakeFetch(json([]));

    await request(context(fetch, { accessToken: "plain_token" }), "x/action/y", { schema });

    expect(calls[0]?.headers.has("x-region")).toBe(false);
  });

  it("returns the body as parsed by the schema", async () => {
    const { fetch } = fakeFetch(json([{ id: "a", extra: true }]));

    const result = await request(context(fetch), "x/action/y", { schema });

    expect(result).toEqual([{ id: "a" }]);
  });

  it("turns a success body that is not JSON into invalid_response", async () => {
    const { fetch } = fakeFetch(new Response("<html>ok</html>", { status: 200 }));

    const error = await request(context(fetch), "x/action/y", { schema }).catch((e) => e);

    expect(error).toBeInstanceOf(LiveChatApiError);
    expect(error).toMatchObject({ type: "invalid_response", status: 200 });
    expect(error.message).toMatch(/not JSON/);
  });

  it("turns a success body of the wrong shape into invalid_response", async () => {
    const { fetch, calls } = fakeFetch(json({ agents: [] }));

    const error = await request(context(fetch), "x/action/y", { schema }).catch((e) => e);

    expect(error).toMatchObject({ type: "invalid_response", status: 200 });
    expect(error.cause).toBeInstanceOf(z.ZodError);
    expect(calls).toHaveLength(1);
  });
});
