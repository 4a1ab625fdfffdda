import { describe, expect, it } from "vitest";
import { LiveChatProvider, type LiveChatProfile } from "@/lib/auth/livechat-provider";

const provider = LiveChatProvider({
  clientId: "client-123",
  clientSecret: "secret-456",
  accountsUrl: "https://accounts.example.test",
  scopes: ["accounts--my:ro", "agents--all:ro"],
});

describe("LiveChatProvider", () => {
  it("runs the code flow at the accounts server's root with state and PKCE", () => {
    expect(provider).toMatchObject({
      id: "livechat",
      name: "LiveChat",
      type: "oauth",
      checks: ["state", "pkce"],
    });
    expect(provider.authorization).toEqual({
      url: "https://accounts.example.test/",
      params: { response_type: "code", scope: "accounts--my:ro,agents--all:ro" },
    });
  });

  it("exchanges the code at /v2/token with the secret in the body and reads /v2/accounts/me", () => {
    expect(provider.token).toBe("https://accounts.example.test/v2/token");
    expect(provider.userinfo).toBe("https://accounts.example.test/v2/accounts/me");
    expect(provider.client).toEqual({ token_endpoint_auth_method: "client_secret_post" });
    expect(provider.clientId).toBe("client-123");
    expect(provider.clientSecret).toBe("secret-456");
  });

  it("takes the base URL from its options (emulator, staging, real LiveChat)", () => {
    const emulator = LiveChatProvider({
      clientId: "a",
      clientSecret: "b",
      accountsUrl: "http://127.0.0.1:4010",
      scopes: ["accounts--my:ro"],
    });
    expect(emulator.token).toBe("http://127.0.0.1:4010/v2/token");
    expect(emulator.authorization).toMatchObject({
      url: "http://127.0.0.1:4010/",
      params: { scope: "accounts--my:ro" },
    });
  });

  it("maps LiveChat's account to a next-auth user keyed by account_id", async () => {
    const profile: LiveChatProfile = {
      account_id: "b7eff798-f8df-4364-8059-649c35c9ed0c",
      name: "Alice Archer",
      email: "alice@acme.test",
      avatar_url: "https://cdn.example.test/a.png",
      default_organization_id: "390e44e6",
    };
    expect(await provider.profile(profile, {})).toEqual({
      id: "b7eff798-f8df-4364-8059-649c35c9ed0c",
      name: "Alice Archer",
      email: "alice@acme.test",
      image: "https://cdn.example.test/a.png",
    });
  });

  it("maps a missing or empty (deprecated) avatar_url to no image", async () => {
    const base = { account_id: "id-1", name: "N", email: "n@x.test" };
    expect((await provider.profile({ ...base, avatar_url: null }, {})).image).toBeNull();
    expect((await provider.profile({ ...base, avatar_url: "" }, {})).image).toBeNull();
    expect((await provider.profile(base, {})).image).toBeNull();
  });
});
