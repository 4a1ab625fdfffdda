import { describe, expect, it } from "vitest";
import { revokeToken } from "@/lib/livechat/accounts";
import { LiveChatAuthError } from "@/lib/livechat/errors";
import { fakeFetch, json } from "./fake-fetch";

const ACCESS_TOKEN = "dal:access-token-secret-55";

function endpoint(fetch: typeof globalThis.fetch) {
  return { accountsUrl: "https://accounts.example.test", fetch };
}

describe("revokeToken", () => {
  it("sends DELETE /v2/token with the token as Bearer", async () => {
    const { fetch, calls } = fakeFetch(json({}));

    await revokeToken(endpoint(fetch), ACCESS_TOKEN);

    expect(calls[0]?.url).toBe("https://accounts.example.test/v2/token");
    expect(calls[0]?.init.method).toBe("DELETE");
    expect(calls[0]?.headers.get("authorization")).toBe(`Bearer ${ACCESS_TOKEN}`);
  });

  it("treats 404 (token already unknown) as success", async () => {
    const { fetch } = fakeFetch(
      json({ error: "invalid_request", error_description: "not found" }, 404),
    );

    await expect(revokeToken(endpoint(fetch), ACCESS_TOKEN)).resolves.toBeUndefined();
  });

  // The spec's 404 for a token that does not exist (global-accounts-api/spec.yml L2286-2290).
  it("treats the documented 404 resource_not_found as success", async () => {
    const { fetch } = fakeFetch(
      json(
        {
          error: "resource_not_found",
          error_description: "The requested resource couldn't be found.",
        },
        404,
      ),
    );

    await expect(revokeToken(endpoint(fetch), ACCESS_TOKEN)).resolves.toBeUndefined();
  });

  it.each([401, 500])("throws LiveChatAuthError for HTTP %i", async (status) => {
    const { fetch } = fakeFetch(
      json({ error: "unauthorized", error_description: ACCESS_TOKEN }, status),
    );

    const error = await revokeToken(endpoint(fetch), ACCESS_TOKEN).catch((e) => e);

    expect(error).toBeInstanceOf(LiveChatAuthError);
    expect(error).toMatchObject({ code: "unauthorized", status });
    expect(String(error)).not.toContain(ACCESS_TOKEN);
  });
});
