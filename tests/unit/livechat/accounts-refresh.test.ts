import { describe, expect, it } from "vitest";
import { refreshAccessToken, toTokenSet } from "@/lib/livechat/accounts";
import { LiveChatAuthError } from "@/lib/livechat/errors";
import { fakeFetch, hangingFetch, json } from "./fake-fetch";

const REFRESH_TOKEN = "refresh-token-secret-77";
const CLIENT_SECRET = "client-secret-99";

const tokenResponse = {
  access_token: "dal:new-access-token",
  account_id: "b7eff798-f8df-4364-8059-649c35c9ed0c",
  expires_in: 28800,
  organization_id: "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
  refresh_token: "rotated-refresh-token",
  scope: "agents--all:ro,accounts--my:ro",
  token_type: "Bearer",
};

function config(fetch: typeof globalThis.fetch, timeoutMs?: number) {
  return {
    accountsUrl: "https://accounts.example.test/",
    clientId: "client-1",
    clientSecret: CLIENT_SECRET,
    fetch,
    timeoutMs,
  };
}

describe("toTokenSet", () => {
  it("maps the token response and counts expiry from the given time", () => {
    const now = new Date("2026-01-01T00:00:00Z");

    expect(toTokenSet(tokenResponse, now)).toEqual({
      accessToken: "dal:new-access-token",
      refreshToken: "rotated-refresh-token",
      expiresAt: new Date("2026-01-01T08:00:00Z"),
      scope: "agents--all:ro,accounts--my:ro",
      tokenType: "Bearer",
      accountId: "b7eff798-f8df-4364-8059-649c35c9ed0c",
      organizationId: "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
    });
  });

  it.each([undefined, null, ""])(
    "gives refreshToken null when the response carries %j",
    (value) => {
      const wire = { ...tokenResponse, refresh_token: value };

      expect(toTokenSet(wire, new Date()).refreshToken).toBeNull();
    },
  );
});

describe("refreshAccessToken", () => {
  it("posts a form with the refresh token and the client secret in the body", async () => {
    const { fetch, calls } = fakeFetch(json(tokenResponse));
    const before = Date.now();

    const tokens = await refreshAccessToken(config(fetch), REFRESH_TOKEN);

    const [call] = calls;
    expect(call?.url).toBe("https://accounts.example.test/v2/token");
    expect(call?.init.method).toBe("POST");
    expect(call?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(call?.headers.has("authorization")).toBe(false);
    expect(Object.fromEntries(new URLSearchParams(call?.body))).toEqual({
      grant_type: "refresh_token",
      refresh_token: REFRESH_TOKEN,
      client_id: "client-1",
      client_secret: CLIENT_SECRET,
    });
    expect(tokens.accessToken).toBe("dal:new-access-token");
    expect(tokens.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 28_800_000);
    expect(tokens.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 28_800_000);
  });

  it("leaves client_secret out for a public client", async () => {
    const { fetch, calls } = fakeFetch(json(tokenResponse));

    await refreshAccessToken({ ...config(fetch), clientSecret: undefined }, REFRESH_TOKEN);

    expect(new URLSearchParams(calls[0]?.body).has("client_secret")).toBe(false);
  });

  it("returns refreshToken null when the server sends no new one", async () => {
    const withoutRefresh: Partial<typeof tokenResponse> = { ...tokenResponse };
    delete withoutRefresh.refresh_token;
    const { fetch } = fakeFetch(json(withoutRefresh));

    const tokens = await refreshAccessToken(config(fetch), REFRESH_TOKEN);

    expect(tokens.refreshToken).toBeNull();
  });

  it("throws a permanent invalid_grant without retrying", async () => {
    const { fetch, calls } = fakeFetch(
      json({ error: "invalid_grant", error_description: "Refresh token expired" }, 400),
      json(tokenResponse),
    );

    const error = await refreshAccessToken(config(fetch), REFRESH_TOKEN).catch((e) => e);

    expect(error).toBeInstanceOf(LiveChatAuthError);
    expect(error).toMatchObject({ code: "invalid_grant", status: 400, permanent: true });
    expect(error.message).toContain("Refresh token expired");
    expect(calls).toHaveLength(1);
  });

  it("throws a transient error for a 503 HTML page", async () => {
    const { fetch } = fakeFetch(new Response("<html>Service Unavailable</html>", { status: 503 }));

    const error = await refreshAccessToken(config(fetch), REFRESH_TOKEN).catch((e) => e);

    expect(error).toMatchObject({ code: "invalid_response", status: 503, permanent: false });
  });

  it("throws a transient temporarily_unavailable for 429", async () => {
    const { fetch } = fakeFetch(json({ error: "temporarily_unavailable" }, 429));

    const error = await refreshAccessToken(config(fetch), REFRESH_TOKEN).catch((e) => e);

    expect(error).toMatchObject({ code: "temporarily_unavailable", status: 429, permanent: false });
  });

  it("throws a transient timeout when the server hangs", async () => {
    const error = await refreshAccessToken(config(hangingFetch, 10), REFRESH_TOKEN).catch((e) => e);

    expect(error).toMatchObject({ code: "timeout", status: 0, permanent: false });
  });

  it("throws a transient network error when the server cannot be reached", async () => {
    const { fetch } = fakeFetch(new TypeError("fetch failed"));

    const error = await refreshAccessToken(config(fetch), REFRESH_TOKEN).catch((e) => e);

    expect(error).toMatchObject({ code: "network", status: 0, permanent: false });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it("throws invalid_response for a 200 without an access token", async () => {
    const { fetch } = fakeFetch(json({ ...tokenResponse, access_token: undefined }));

    const error = await refreshAccessToken(config(fetch), REFRESH_TOKEN).catch((e) => e);

    expect(error).toMatchObject({ code: "invalid_response", status: 200, permanent: false });
  });

  it("never puts the refresh token or the client secret in an error message", async () => {
    const echo = `bad refresh_token=${REFRESH_TOKEN} for client_secret=${CLIENT_SECRET}`;
    const { fetch } = fakeFetch(json({ error: "invalid_grant", error_description: echo }, 400));

    const error = await refreshAccessToken(config(fetch), REFRESH_TOKEN).catch((e) => e);

    expect(error).toBeInstanceOf(LiveChatAuthError);
    for (const text of [String(error), error.message]) {
      expect(text).toContain("[redacted]");
      expect(text).not.toContain(REFRESH_TOKEN);
      expect(text).not.toContain(CLIENT_SECRET);
    }
  });
});

// What LiveChat answers a refused refresh: the Global Accounts API spec's statuses (spec.yml
// L2221-2270) with the codes and reasons of the authorization troubleshooting page (L128-190).
describe("refreshAccessToken against LiveChat's documented refusals", () => {
  const refusal = async (status: number, body: Record<string, unknown>) => {
    const { fetch } = fakeFetch(json(body, status));
    return refreshAccessToken(config(fetch), REFRESH_TOKEN).catch((e: unknown) => e);
  };

  it.each([
    ["an unknown refresh token", "unauthorized_client", "refresh token not found", true],
    ["an expired refresh token", "invalid_grant", "refresh token expired", true],
    [
      "another client's refresh token",
      "invalid_client",
      "using refresh token with wrong client id",
      false,
    ],
  ])("%s (401 %s) is permanent; ends the session: %s", async (_, code, description, ends) => {
    const error = await refusal(401, { error: code, error_description: description });

    expect(error).toBeInstanceOf(LiveChatAuthError);
    expect(error).toMatchObject({ code, status: 401, description, permanent: true });
    expect((error as LiveChatAuthError).endsSession).toBe(ends);
  });

  it("reads a 422 with invalid_fields, sub_error and request_id as a permanent invalid_request", async () => {
    const error = await refusal(422, {
      error: "invalid_request",
      error_description: "The request is missing a required parameter.",
      sub_error: null,
      request_id: "0b6c3c16-7f0c-4d5e-8a31-2f7f3f0c9d11",
      invalid_fields: { refresh_token: "is required" },
    });

    expect(error).toMatchObject({ code: "invalid_request", status: 422, permanent: true });
    expect((error as LiveChatAuthError).endsSession).toBe(false);
  });

  it("reads the 403 for an unsupported grant_type as a permanent refusal that keeps the session", async () => {
    const error = await refusal(403, {
      error: "unsupported_grant_type",
      error_description:
        "The authorization grant type is not supported by the authorization server.",
    });

    expect(error).toMatchObject({ code: "unsupported_grant_type", status: 403, permanent: true });
    expect((error as LiveChatAuthError).endsSession).toBe(false);
  });
});
