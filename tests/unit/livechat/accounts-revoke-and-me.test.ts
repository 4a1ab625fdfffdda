import { describe, expect, it } from "vitest";
import { getMyAccount, revokeToken } from "@/lib/livechat/accounts";
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
    const { fetch } = fakeFetch(json({ error: "invalid_request", error_description: "not found" }, 404));

    await expect(revokeToken(endpoint(fetch), ACCESS_TOKEN)).resolves.toBeUndefined();
  });

  it.each([401, 500])("throws LiveChatAuthError for HTTP %i", async (status) => {
    const { fetch } = fakeFetch(json({ error: "unauthorized", error_description: ACCESS_TOKEN }, status));

    const error = await revokeToken(endpoint(fetch), ACCESS_TOKEN).catch((e) => e);

    expect(error).toBeInstanceOf(LiveChatAuthError);
    expect(error).toMatchObject({ code: "unauthorized", status });
    expect(String(error)).not.toContain(ACCESS_TOKEN);
  });
});

describe("getMyAccount", () => {
  it("gets /v2/accounts/me with the Bearer token and maps the account", async () => {
    const { fetch, calls } = fakeFetch(
      json({
        account_id: "b7eff798",
        name: "Smith",
        email: "smith@example.com",
        email_verified: true,
        default_organization_id: "390e44e6",
        default_product: "livechat",
        avatar_url: "cdn.livechatinc.com/avatars/1.png",
        created_at: "2020-01-01T00:00:00Z",
      }),
    );

    const account = await getMyAccount(endpoint(fetch), ACCESS_TOKEN);

    expect(calls[0]?.url).toBe("https://accounts.example.test/v2/accounts/me");
    expect(calls[0]?.init.method).toBe("GET");
    expect(calls[0]?.headers.get("authorization")).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(account).toEqual({
      accountId: "b7eff798",
      name: "Smith",
      email: "smith@example.com",
      emailVerified: true,
      defaultOrganizationId: "390e44e6",
      avatarUrl: "https://cdn.livechatinc.com/avatars/1.png",
    });
  });

  it("gives avatarUrl null when the deprecated avatar_url is null", async () => {
    const { fetch } = fakeFetch(json({ account_id: "1", name: "A", email: "a@x.test", avatar_url: null }));

    expect((await getMyAccount(endpoint(fetch), ACCESS_TOKEN)).avatarUrl).toBeNull();
  });

  it("throws a permanent error for a rejected token", async () => {
    const { fetch } = fakeFetch(json({ error: "unauthorized", error_description: "Invalid token" }, 401));

    const error = await getMyAccount(endpoint(fetch), ACCESS_TOKEN).catch((e) => e);

    expect(error).toMatchObject({ code: "unauthorized", status: 401, permanent: true });
  });
});
