import { describe, expect, it } from "vitest";
import { SEEDED } from "@/emulator/fixtures";
import { EnvError, parseEnv } from "@/lib/env";

const KEY = `k1:${Buffer.alloc(32, 7).toString("base64")}`;
const real = {
  LIVECHAT_CLIENT_ID: "abc",
  LIVECHAT_CLIENT_SECRET: "def",
  NEXTAUTH_SECRET: "x".repeat(32),
  TOKEN_ENCRYPTION_KEY: KEY,
  NEXTAUTH_URL: "https://agents.example.com",
  LIVECHAT_WEBHOOK_SECRET: "w".repeat(24),
};

function message(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.message;
  }
  return "no error";
}

describe("parseEnv", () => {
  it("with no LiveChat credentials, uses the emulator's seeded client and the embedded database", () => {
    const env = parseEnv({});
    expect(env.emulator).toBe(true);
    expect(env.livechat).toEqual({
      clientId: "marketplace-app",
      clientSecret: "marketplace-app-secret",
      accountsUrl: "http://127.0.0.1:4010",
      apiUrl: "http://127.0.0.1:4010",
      scopes: ["accounts--my:ro", "agents--all:ro", "groups--all:ro"],
      app: { type: "public" },
      webhookSecret: null,
    });
    expect(env.database.url).toMatch(/^postgresql:\/\/.*@127\.0\.0\.1:54329\//);
    expect(env.database.poolMax).toBe(1);
  });

  it("with credentials, talks to real LiveChat", () => {
    const env = parseEnv({ ...real, DATABASE_URL: "postgresql://u@db.example.test:5432/app" });
    expect(env.emulator).toBe(false);
    expect(env.livechat).toMatchObject({
      clientId: "abc",
      accountsUrl: "https://accounts.livechat.com",
      apiUrl: "https://api.livechatinc.com",
    });
    expect(env.database.poolMax).toBe(10);
  });

  it("a private app serves one organization; locally the emulator's private app of Acme Support", () => {
    expect(parseEnv({ LIVECHAT_APP_TYPE: "private" }).livechat).toMatchObject({
      clientId: "private-app",
      app: { type: "private", organizationId: SEEDED.organizations.acme },
    });
    expect(
      parseEnv({ ...real, LIVECHAT_APP_TYPE: "private", LIVECHAT_ORGANIZATION_ID: "org-1" })
        .livechat,
    ).toMatchObject({
      clientId: "abc",
      app: { type: "private", organizationId: "org-1" },
    });
  });

  it("reads scopes and URLs, trimming a trailing slash", () => {
    const env = parseEnv({
      LIVECHAT_SCOPES: "accounts--my:ro, agents--all:ro,chats--all:ro",
      LIVECHAT_ACCOUNTS_URL: "https://staging.example.test/",
    });
    expect(env.livechat.scopes).toEqual(["accounts--my:ro", "agents--all:ro", "chats--all:ro"]);
    expect(env.livechat.accountsUrl).toBe("https://staging.example.test");
  });

  it.each([
    [{ ...real, LIVECHAT_CLIENT_SECRET: "" }, "LIVECHAT_CLIENT_SECRET is required"],
    [{ ...real, NEXTAUTH_SECRET: undefined }, "NEXTAUTH_SECRET is required"],
    [{ ...real, TOKEN_ENCRYPTION_KEY: undefined }, "TOKEN_ENCRYPTION_KEY is required"],
    [
      { ...real, TOKEN_ENCRYPTION_KEY: "not-a-key" },
      "TOKEN_ENCRYPTION_KEY must be KEY_ID:BASE64_32_BYTES",
    ],
    [{ ...real, NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET must be at least 32 characters"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ LIVECHAT_ACCOUNTS_URL: "not a url" }, "LIVECHAT_ACCOUNTS_URL"],
    [{ LIVECHAT_SCOPES: "agents" }, "LIVECHAT_SCOPES"],
    [{ VERCEL: "1" }, "LIVECHAT_CLIENT_ID is required on Vercel"],
    [
      { ...real, LIVECHAT_APP_TYPE: "private" },
      "LIVECHAT_ORGANIZATION_ID is required for a private app",
    ],
    [{ LIVECHAT_APP_TYPE: "secret" }, "LIVECHAT_APP_TYPE"],
    [
      { LIVECHAT_WEBHOOK_SECRET: "short" },
      "LIVECHAT_WEBHOOK_SECRET must be at least 16 characters",
    ],
  ])("stops with one line naming the variable: %#", (source, expected) => {
    const text = message(source as Record<string, string>);
    expect(text).toContain(expected);
    expect(text.split("\n")).toHaveLength(1);
  });

  it("never echoes a secret's value in its message", () => {
    expect(
      message({ ...real, TOKEN_ENCRYPTION_PREVIOUS_KEYS: `${KEY},old:hunter2-not-a-key` }),
    ).not.toContain("hunter2");
    expect(message({ ...real, NEXTAUTH_SECRET: "hunter2-secret" })).not.toContain("hunter2");
  });
});

describe("the origins allowed to frame the widgets", () => {
  it("are LiveChat's Agent App, plus the emulator's origin while the emulator is in use", () => {
    expect(parseEnv({}).agentAppOrigins).toEqual([
      "https://my.livechatinc.com",
      "https://*.livechatinc.com",
      "https://*.livechat.com",
      "https://*.text.com",
      "http://127.0.0.1:4010",
    ]);
    expect(parseEnv(real).agentAppOrigins).not.toContain("http://127.0.0.1:4010");
  });

  it("can be configured, and a value that is not an origin stops the app", () => {
    const custom = { ...real, LIVECHAT_AGENT_APP_ORIGINS: "https://agents.example.com" };
    expect(parseEnv(custom).agentAppOrigins).toEqual(["https://agents.example.com"]);
    expect(message({ ...real, LIVECHAT_AGENT_APP_ORIGINS: "http://evil.example" })).toContain(
      "LIVECHAT_AGENT_APP_ORIGINS",
    );
  });
});

describe("unsafe configurations are refused", () => {
  const production = { NODE_ENV: "production" };
  const demoSecrets = { NEXTAUTH_SECRET: "d".repeat(32), TOKEN_ENCRYPTION_KEY: KEY };

  it.each([
    [production, "LIVECHAT_CLIENT_ID is required in production"],
    [{ ...production, ...demoSecrets }, "LIVECHAT_EMULATOR_DEMO=1"],
    [{ ...production, LIVECHAT_EMULATOR_DEMO: "1" }, "NEXTAUTH_SECRET is required in production"],
    [
      { ...production, LIVECHAT_EMULATOR_DEMO: "1", NEXTAUTH_SECRET: "d".repeat(32) },
      "TOKEN_ENCRYPTION_KEY is required in production",
    ],
    [
      { VERCEL: "1", LIVECHAT_EMULATOR_DEMO: "1", ...demoSecrets },
      "LIVECHAT_CLIENT_ID is required on Vercel",
    ],
    [{ ...real, NEXTAUTH_URL: undefined }, "NEXTAUTH_URL is required with a real LiveChat app"],
    [
      { ...real, NEXTAUTH_URL: "http://agents.example.com" },
      "NEXTAUTH_URL must be an https:// URL",
    ],
    [
      { ...real, LIVECHAT_ACCOUNTS_URL: "http://accounts.example.com" },
      "LIVECHAT_ACCOUNTS_URL must be an https:// URL",
    ],
    [
      { ...real, LIVECHAT_API_URL: "http://api.example.com" },
      "LIVECHAT_API_URL must be an https:// URL",
    ],
    [
      { ...real, LIVECHAT_WEBHOOK_SECRET: undefined },
      "LIVECHAT_WEBHOOK_SECRET is required with a real LiveChat app",
    ],
    [
      { ...real, LIVECHAT_ORGANIZATION_ID: "org-1" },
      "LIVECHAT_ORGANIZATION_ID is only for a private app: set LIVECHAT_APP_TYPE=private",
    ],
    [{ LIVECHAT_ORGANIZATION_ID: "org-1" }, "LIVECHAT_ORGANIZATION_ID is only for a private app"],
    [
      {
        ...real,
        TOKEN_ENCRYPTION_PREVIOUS_KEYS: `old:${Buffer.alloc(32).toString("base64")}, bad`,
      },
      "TOKEN_ENCRYPTION_PREVIOUS_KEYS",
    ],
    [{ POSTGRES_URL: "mysql://x" }, "POSTGRES_URL"],
  ])("refuses %#, naming the variable and what to do", (source, expected) => {
    const text = message(source as Record<string, string>);
    expect(text).toContain(expected);
    expect(text.split("\n")).toHaveLength(1);
  });

  it("leaves a build outside Vercel to the server's check (a build may not have its variables)", () => {
    expect(parseEnv({ ...production, NEXT_PHASE: "phase-production-build" }).emulator).toBe(true);
    expect(
      message({ VERCEL: "1", NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }),
    ).toContain("LIVECHAT_CLIENT_ID is required on Vercel");
  });

  it("runs a production demo against the emulator only when asked, on its own secrets", () => {
    const env = parseEnv({ ...production, LIVECHAT_EMULATOR_DEMO: "1", ...demoSecrets });
    expect(env.emulator).toBe(true);
    expect(env.authSecret).toBe(demoSecrets.NEXTAUTH_SECRET);
    expect(env.tokenKeys.current).toBe(KEY);
  });

  it("lets a real app on this machine use http on localhost (the emulator as LiveChat)", () => {
    const env = parseEnv({
      ...real,
      NEXTAUTH_URL: "http://localhost:3000",
      LIVECHAT_ACCOUNTS_URL: "http://127.0.0.1:4010",
      LIVECHAT_API_URL: "http://127.0.0.1:4010",
    });
    expect(env.livechat.accountsUrl).toBe("http://127.0.0.1:4010");
  });

  it("accepts valid previous keys for rotation", () => {
    const previous = `old:${Buffer.alloc(32, 1).toString("base64")}`;
    expect(
      parseEnv({ ...real, TOKEN_ENCRYPTION_PREVIOUS_KEYS: previous }).tokenKeys.previous,
    ).toEqual([previous]);
  });
});

describe("the database connection", () => {
  it("takes the pooled URL a Vercel Postgres store sets when DATABASE_URL is not set", () => {
    const pooled = "postgres://u:p@pooler.example.com:6543/db";
    const direct = "postgres://u:p@db.example.com:5432/db";
    // Neon: DATABASE_URL is pooled.
    expect(parseEnv({ DATABASE_URL: pooled, DATABASE_URL_UNPOOLED: direct }).database.url).toBe(
      pooled,
    );
    // Prisma Postgres: DATABASE_URL is direct, DATABASE_URL_POOLED pooled.
    expect(parseEnv({ DATABASE_URL: direct, DATABASE_URL_POOLED: pooled }).database.url).toBe(
      pooled,
    );
    // Supabase and the former Vercel Postgres: no DATABASE_URL.
    expect(
      parseEnv({ POSTGRES_PRISMA_URL: pooled, POSTGRES_URL_NON_POOLING: direct }).database.url,
    ).toBe(pooled);
    expect(parseEnv({ POSTGRES_URL: pooled }).database.url).toBe(pooled);
  });

  it("sizes the pool for where it runs, and DATABASE_POOL_MAX overrides it", () => {
    const url = "postgres://u@db.example.com/db";
    expect(parseEnv({}).database.poolMax).toBe(1);
    expect(parseEnv({ DATABASE_URL: url }).database.poolMax).toBe(10);
    expect(parseEnv({ ...real, VERCEL: "1", DATABASE_URL: url }).database.poolMax).toBe(3);
    expect(parseEnv({ DATABASE_URL: url, DATABASE_POOL_MAX: "5" }).database.poolMax).toBe(5);
    expect(message({ DATABASE_POOL_MAX: "0" })).toContain("DATABASE_POOL_MAX");
  });
});
