import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LiveChatApiError } from "@/lib/livechat/errors";
import { request, type LiveChatContext } from "@/lib/livechat/request";
import { fakeFetch, hangingFetch, json, liveChatError, recordingSleep } from "./fake-fetch";

const TOKEN = "fra:secret-access-token-42";
const schema = z.array(z.unknown());

function call(fetch: typeof globalThis.fetch, overrides: Partial<LiveChatContext> = {}) {
  const { sleep, delays } = recordingSleep();
  const ctx = {
    apiUrl: "https://api.example.test",
    accessToken: TOKEN,
    fetch,
    sleep,
    ...overrides,
  };
  const result = request(ctx, "configuration/action/list_agents", { schema });
  return { result, error: result.catch((e: unknown) => e), delays };
}

describe("request errors", () => {
  it("turns LiveChat's error body into a typed error", async () => {
    const { fetch } = fakeFetch(
      json(
        {
          error: { type: "misdirected_request", message: "Wrong region", data: { region: "dal" } },
        },
        421,
      ),
    );

    const error = await call(fetch).error;

    expect(error).toBeInstanceOf(LiveChatApiError);
    expect(error).toMatchObject({
      type: "misdirected_request",
      status: 421,
      data: { region: "dal" },
    });
    expect((error as Error).message).toContain("Wrong region");
    expect((error as LiveChatApiError).misdirectedTo).toBe("dal");
  });

  it.each([
    ["no data", undefined],
    ["no region", {}],
    ["a region that is not a name", { region: "dal\r\nX-Evil: 1" }],
    ["a number", { region: 1 }],
  ])("names no region for a misdirected_request with %s", (_, data) => {
    const error = new LiveChatApiError({
      type: "misdirected_request",
      status: 421,
      message: "Wrong region",
      data,
    });
    expect(error.misdirectedTo).toBeUndefined();
  });

  it("names no region for another error type and counts a misdirection left as an outage", () => {
    const error = new LiveChatApiError({
      type: "validation",
      status: 400,
      message: "x",
      data: { region: "fra" },
    });
    expect(error.misdirectedTo).toBeUndefined();
    expect(
      new LiveChatApiError({ type: "misdirected_request", status: 421, message: "x" }).transient,
    ).toBe(true);
  });

  it("does not retry 401 authentication", async () => {
    const { fetch, calls } = fakeFetch(
      liveChatError("authentication", "Invalid access token", 401),
    );

    const error = await call(fetch).error;

    expect(error).toMatchObject({ type: "authentication", status: 401 });
    expect(calls).toHaveLength(1);
  });

  it.each([400, 403, 404, 500])("does not retry HTTP %i", async (status) => {
    const { fetch, calls } = fakeFetch(liveChatError("some_type", "nope", status), json([]));

    const error = await call(fetch).error;

    expect(error).toMatchObject({ type: "some_type", status });
    expect(calls).toHaveLength(1);
  });

  it("retries 429 after the Retry-After delay and then succeeds", async () => {
    const { fetch, calls } = fakeFetch(
      liveChatError("too_many_requests", "Slow down", 429, { "Retry-After": "2" }),
      json(["ok"]),
    );

    const { result, delays } = call(fetch);

    await expect(result).resolves.toEqual(["ok"]);
    expect(calls).toHaveLength(2);
    expect(delays).toEqual([2000]);
  });

  it("reads Retry-After given as an HTTP date", async () => {
    const retryAt = new Date(Date.now() + 3000).toUTCString();
    const { fetch } = fakeFetch(
      liveChatError("too_many_requests", "Slow down", 429, { "Retry-After": retryAt }),
      json([]),
    );

    const { result, delays } = call(fetch);

    await result;
    expect(delays[0]).toBeGreaterThanOrEqual(2000);
    expect(delays[0]).toBeLessThanOrEqual(3000);
  });

  it("gives up at once when Retry-After asks for longer than it will wait", async () => {
    const { fetch, calls } = fakeFetch(
      liveChatError("too_many_requests", "Slow down", 429, { "Retry-After": "60" }),
      json([]),
    );

    const error = await call(fetch).error;

    expect(error).toMatchObject({ type: "too_many_requests", status: 429, retryAfterSeconds: 60 });
    expect(calls).toHaveLength(1);
  });

  it("retries 503 with growing backoff up to the limit, then throws", async () => {
    const unavailable = () => liveChatError("service_unavailable", "Down", 503);
    const { fetch, calls } = fakeFetch(unavailable(), unavailable(), unavailable(), json([]));

    const { error, delays } = call(fetch);

    expect(await error).toMatchObject({ type: "service_unavailable", status: 503 });
    expect(calls).toHaveLength(3);
    expect(delays).toEqual([250, 500]);
  });

  it("honours retries: 0", async () => {
    const { fetch, calls } = fakeFetch(liveChatError("service_unavailable", "Down", 503), json([]));

    await call(fetch, { retries: 0 }).error;

    expect(calls).toHaveLength(1);
  });

  it("types a gateway's HTML 502 by its status and retries it", async () => {
    const { fetch, calls } = fakeFetch(
      new Response("<html>Bad gateway</html>", { status: 502 }),
      json([]),
    );

    await expect(call(fetch).result).resolves.toEqual([]);
    expect(calls).toHaveLength(2);
  });

  it("types a non-LiveChat 404 as invalid_response, not not_found", async () => {
    const { fetch } = fakeFetch(new Response("Not Found", { status: 404 }));

    expect(await call(fetch).error).toMatchObject({ type: "invalid_response", status: 404 });
  });

  it("retries a network error, then throws it typed as network with status 0", async () => {
    const refused = () => new TypeError("fetch failed");
    const { fetch, calls } = fakeFetch(refused(), refused(), refused());

    const error = await call(fetch).error;

    expect(error).toMatchObject({ type: "network", status: 0 });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(calls).toHaveLength(3);
  });

  it("aborts a hung request after timeoutMs and does not retry it", async () => {
    let attempts = 0;
    const fetch: typeof globalThis.fetch = (input, init) => {
      attempts++;
      return hangingFetch(input, init);
    };

    const error = await call(fetch, { timeoutMs: 20 }).error;

    expect(error).toMatchObject({ type: "timeout", status: 0 });
    expect(attempts).toBe(1);
  });

  it("never puts the access token in an error message", async () => {
    const echoing = liveChatError("authentication", `Token ${TOKEN} is invalid`, 401);
    const failures = [
      await call(fakeFetch(echoing).fetch).error,
      await call(fakeFetch(new TypeError(`fetch failed`)).fetch, { retries: 0 }).error,
      await call(hangingFetch, { timeoutMs: 5 }).error,
      await call(fakeFetch(new Response("nope", { status: 200 })).fetch).error,
    ];

    expect(failures.every((e) => e instanceof LiveChatApiError)).toBe(true);
    expect(String(failures[0])).toContain("[redacted]");
    for (const error of failures) {
      expect(String(error)).not.toContain("secret-access-token-42");
      expect((error as Error).message).not.toContain("secret-access-token-42");
    }
  });
});
