import { describe, expect, it } from "vitest";
import { toAgentRow } from "@/lib/data/agent-board";
import {
  allowedAvatarUrl,
  avatarOrigins,
  LIVECHAT_AVATAR_ORIGINS,
} from "@/lib/data/avatar-origins";
import { parseEnv } from "@/lib/env";
import { toAgent } from "@/lib/livechat/agents";

/** A real LiveChat app's configuration, as lib/env.ts gives it. */
const real = { emulator: false, livechat: { apiUrl: "https://api.livechatinc.com" } };

describe("allowedAvatarUrl", () => {
  const origins = avatarOrigins(real);

  it.each([
    "https://cdn.livechat-files.com/api/file/lc/img/10000001/abc.jpg",
    "https://cdn.livechatinc.com/cloud/?uri=https://livechat.s3.amazonaws.com/default/avatars/f.jpg",
    "https://livechat.s3.amazonaws.com/1011121/all/avatars/a.jpg",
    "https://cdn.livechatinc.com:443/avatars/1.png",
  ])("shows %s, from LiveChat", (url) => {
    expect(allowedAvatarUrl(url, origins)).toBe(url);
  });

  it.each([
    ["another host", "https://avatars.example.test/a.png"],
    ["a look-alike host", "https://cdn.livechatinc.com.example.test/a.png"],
    ["a LiveChat host over http", "http://cdn.livechatinc.com/a.png"],
    ["a LiveChat host on another port", "https://cdn.livechatinc.com:8443/a.png"],
    ["a script URL", "javascript:alert(1)"],
    ["a data URL", "data:image/svg+xml,<svg/>"],
    ["no URL at all", "not a url"],
    ["the emulator, with a real LiveChat app", "http://127.0.0.1:4010/avatars/a.svg"],
  ])("drops %s", (_, url) => {
    expect(allowedAvatarUrl(url, origins)).toBeNull();
  });

  it("has nothing to show for no avatar", () => {
    expect(allowedAvatarUrl(null, origins)).toBeNull();
  });
});

describe("avatarOrigins", () => {
  it("is LiveChat's hosts for a real LiveChat app", () => {
    expect(avatarOrigins(real)).toEqual([...LIVECHAT_AVATAR_ORIGINS]);
  });

  it("adds the emulator's origin while the app uses it, also for a client id against it", () => {
    expect(avatarOrigins(parseEnv({}))).toEqual([
      ...LIVECHAT_AVATAR_ORIGINS,
      "http://127.0.0.1:4010",
    ]);
    // A real client id against the emulator's API, as the test stack's private app runs.
    const privateAgainstEmulator = {
      emulator: false,
      livechat: { apiUrl: "http://localhost:4011" },
    };
    expect(avatarOrigins(privateAgainstEmulator)).toContain("http://localhost:4011");
  });
});

describe("toAgentRow's avatar", () => {
  const wire = { id: "a@x.test", account_id: "1", name: "A", role: "normal" };

  it("shows list_agents' scheme-less CDN path as https", () => {
    const agent = toAgent({ ...wire, avatar_path: "cdn.livechatinc.com/avatars/1.png" });
    expect(toAgentRow(agent, undefined).avatarUrl).toBe(
      "https://cdn.livechatinc.com/avatars/1.png",
    );
  });

  it("falls back to initials (no URL) for a photo from another host", () => {
    const agent = toAgent({ ...wire, avatar: "https://tracker.example.test/pixel.png" });
    expect(toAgentRow(agent, undefined).avatarUrl).toBeNull();
  });
});
