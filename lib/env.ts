import { z } from "zod";
import { POOLED_URL_VARIABLES, firstSet } from "./database-urls";
import {
  DEFAULT_SCOPES,
  EMBEDDED_DATABASE_URL,
  EMULATOR_CLIENTS,
  EMULATOR_URL,
  LIVECHAT_SERVERS,
} from "./defaults";
import { log } from "./log";

// The only reader of process.env. Parsed once, on first use; a missing, malformed or unsafe
// variable stops the app with one line naming it (instrumentation.ts exits the server with it;
// on Vercel, next.config.ts fails the build with it). With no LIVECHAT_CLIENT_ID the app runs
// against the bundled emulator with development-only secrets, and says so once; a production
// server does that only when LIVECHAT_EMULATOR_DEMO=1 says it is a demo, and never on Vercel.

// Where LiveChat's Agent App runs, the only pages allowed to frame the widgets. The docs name
// my.livechatinc.com; the Agent App SDK's own list of trusted hosts (widget-core-sdk
// src/connection/helpers.ts) adds livechat.com and text.com.
const AGENT_APP_ORIGINS = [
  "https://my.livechatinc.com",
  "https://*.livechatinc.com",
  "https://*.livechat.com",
  "https://*.text.com",
];

const DEV_AUTH_SECRET = "dev-only-auth-secret-for-the-livechat-emulator";
// 32 zero bytes is fine for the emulator: its tokens are worthless outside this machine.
const DEV_ENCRYPTION_KEY = `dev:${Buffer.alloc(32).toString("base64")}`;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
const url = z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, ""));
const encryptionKey = z
  .string()
  .regex(/^[\w-]+:[A-Za-z0-9+/=]{43,44}$/, "must be KEY_ID:BASE64_32_BYTES");
const csv = z.string().transform((value) =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean),
);

const schema = z
  .object({
    LIVECHAT_CLIENT_ID: optional(z.string().min(1)),
    LIVECHAT_CLIENT_SECRET: optional(z.string().min(1)),
    LIVECHAT_ACCOUNTS_URL: optional(url),
    LIVECHAT_API_URL: optional(url),
    LIVECHAT_SCOPES: optional(
      csv.pipe(z.array(z.string().regex(/^[a-z_.]+(--[a-z]+)?:(ro|rw)$/)).min(1)),
    ),
    LIVECHAT_APP_TYPE: optional(z.enum(["public", "private"])),
    LIVECHAT_ORGANIZATION_ID: optional(z.string().min(1)),
    LIVECHAT_WEBHOOK_SECRET: optional(z.string().min(16, "must be at least 16 characters")),
    NEXTAUTH_URL: optional(url),
    NEXTAUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
    TOKEN_ENCRYPTION_KEY: optional(encryptionKey),
    TOKEN_ENCRYPTION_PREVIOUS_KEYS: optional(
      csv.pipe(z.array(z.string().pipe(encryptionKey), "entries must be KEY_ID:BASE64_32_BYTES")),
    ),
    LIVECHAT_AGENT_APP_ORIGINS: optional(
      csv.pipe(
        z
          .array(
            z
              .string()
              .regex(
                /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$|^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/,
                "must be origins like https://my.livechatinc.com or https://*.livechat.com",
              ),
          )
          .min(1),
      ),
    ),
    /** The pooled connection string, from DATABASE_URL or a Vercel store's name for it. */
    DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/ })),
    DATABASE_POOL_MAX: optional(z.coerce.number().int().min(1).max(100)),
    LIVECHAT_EMULATOR_DEMO: optional(z.enum(["1"], "must be 1 (or unset)")),
    NODE_ENV: optional(z.string()),
    NEXT_PHASE: optional(z.string()),
    VERCEL: optional(z.string()),
  })
  .superRefine((env, ctx) => {
    const real = env.LIVECHAT_CLIENT_ID !== undefined;
    const fail = (key: keyof typeof env, message: string) =>
      ctx.addIssue({ code: "custom", path: [key], message });
    const require = (key: keyof typeof env, why: string) => {
      if (env[key] === undefined) fail(key, `is required ${why}`);
    };
    const requireHttps = (key: "NEXTAUTH_URL" | "LIVECHAT_ACCOUNTS_URL" | "LIVECHAT_API_URL") => {
      const value = env[key];
      if (value && !value.startsWith("https://") && !isLoopback(value))
        fail(key, "must be an https:// URL with a real LiveChat app (only localhost may be http)");
    };
    if (env.LIVECHAT_ORGANIZATION_ID !== undefined && env.LIVECHAT_APP_TYPE !== "private")
      fail(
        "LIVECHAT_ORGANIZATION_ID",
        "is only for a private app: set LIVECHAT_APP_TYPE=private too",
      );
    if (real) {
      require("LIVECHAT_CLIENT_SECRET", "with LIVECHAT_CLIENT_ID (server-side apps have a secret)");
      require("NEXTAUTH_SECRET", "with a real LiveChat app (openssl rand -base64 32)");
      require("TOKEN_ENCRYPTION_KEY", "with a real LiveChat app (npm run key:generate)");
      if (!env.VERCEL) require("NEXTAUTH_URL", "with a real LiveChat app: the app's public URL");
      // App webhooks are unsigned and the client id is public: the secret is all that stops
      // anyone from posting uninstalls.
      require("LIVECHAT_WEBHOOK_SECRET", "with a real LiveChat app (openssl rand -hex 24)");
      if (env.LIVECHAT_APP_TYPE === "private")
        require("LIVECHAT_ORGANIZATION_ID", "for a private app (its organization)");
      requireHttps("NEXTAUTH_URL");
      requireHttps("LIVECHAT_ACCOUNTS_URL");
      requireHttps("LIVECHAT_API_URL");
    } else if (env.VERCEL) {
      require("LIVECHAT_CLIENT_ID", "on Vercel: the bundled emulator only runs locally");
    } else if (env.NODE_ENV === "production" && env.NEXT_PHASE !== "phase-production-build") {
      // (Outside Vercel a build does not have the server's variables: the server checks them.)
      if (!env.LIVECHAT_EMULATOR_DEMO)
        require("LIVECHAT_CLIENT_ID", "in production (or set LIVECHAT_EMULATOR_DEMO=1 for a demo against the bundled emulator)");
      // Even a demo does not run on the development secrets, which are public.
      require("NEXTAUTH_SECRET", "in production, also for a demo (openssl rand -base64 32)");
      require("TOKEN_ENCRYPTION_KEY", "in production, also for a demo (npm run key:generate)");
    }
  });

export type Env = ReturnType<typeof toEnv>;

/** Whether `url` is on this machine, where http is allowed (127.0.0.1 or localhost). */
export const isLoopback = (url: string) =>
  ["127.0.0.1", "localhost"].includes(new URL(url).hostname);

function toEnv(raw: z.infer<typeof schema>) {
  const emulator = raw.LIVECHAT_CLIENT_ID === undefined;
  const appType = raw.LIVECHAT_APP_TYPE ?? "public";
  const seeded = EMULATOR_CLIENTS[appType];
  return {
    emulator,
    livechat: {
      clientId: raw.LIVECHAT_CLIENT_ID ?? seeded.id,
      clientSecret: raw.LIVECHAT_CLIENT_SECRET ?? seeded.secret,
      accountsUrl:
        raw.LIVECHAT_ACCOUNTS_URL ?? (emulator ? EMULATOR_URL : LIVECHAT_SERVERS.accountsUrl),
      apiUrl: raw.LIVECHAT_API_URL ?? (emulator ? EMULATOR_URL : LIVECHAT_SERVERS.apiUrl),
      scopes: raw.LIVECHAT_SCOPES ?? [...DEFAULT_SCOPES],
      /** A private app serves one organization only; a public (Marketplace) app, any. */
      app:
        appType === "private"
          ? {
              type: "private" as const,
              organizationId:
                raw.LIVECHAT_ORGANIZATION_ID ?? EMULATOR_CLIENTS.private.organizationId,
            }
          : { type: "public" as const },
      webhookSecret: raw.LIVECHAT_WEBHOOK_SECRET ?? null,
    },
    /** Origins allowed to frame the widget routes (frame-ancestors). */
    agentAppOrigins: agentAppOriginsOf(raw, emulator),
    appUrl: raw.NEXTAUTH_URL ?? "http://localhost:3000",
    /** As next-auth decides it (its cookies get the `__Secure-` prefix): https, or on Vercel. */
    secureCookies: raw.NEXTAUTH_URL ? raw.NEXTAUTH_URL.startsWith("https://") : !!raw.VERCEL,
    authSecret: raw.NEXTAUTH_SECRET ?? DEV_AUTH_SECRET,
    tokenKeys: {
      current: raw.TOKEN_ENCRYPTION_KEY ?? DEV_ENCRYPTION_KEY,
      previous: raw.TOKEN_ENCRYPTION_PREVIOUS_KEYS ?? [],
    },
    database: {
      url: raw.DATABASE_URL ?? EMBEDDED_DATABASE_URL,
      poolMax: raw.DATABASE_POOL_MAX ?? poolMaxOf(raw),
    },
  };
}

/**
 * Connections per process. The embedded PGlite runs one backend that connections take turns on
 * (scripts/lib/pglite-server.ts): more than one would only wait. On Vercel every function instance has its own pool and instances multiply under
 * load, so a few each (a request makes at most 2 queries at once; Fluid compute runs a handful
 * of requests per instance), through the store's pooler, which multiplexes them. A long-running
 * server: pg's default of 10.
 */
function poolMaxOf(raw: z.infer<typeof schema>): number {
  if (!raw.DATABASE_URL) return 1;
  return raw.VERCEL ? 3 : 10;
}

/** LiveChat's Agent App, and the emulator's imitation of it while the emulator is in use. */
function agentAppOriginsOf(raw: z.infer<typeof schema>, emulator: boolean): string[] {
  const accountsUrl = raw.LIVECHAT_ACCOUNTS_URL ?? (emulator ? EMULATOR_URL : null);
  const imitation = accountsUrl && isLoopback(accountsUrl) ? [new URL(accountsUrl).origin] : [];
  return [...(raw.LIVECHAT_AGENT_APP_ORIGINS ?? AGENT_APP_ORIGINS), ...imitation];
}

/** Thrown for a missing or malformed variable; the message is the one line to show. */
export class EnvError extends Error {
  override readonly name = "EnvError";
  readonly code = "invalid_env";
  /** The variable at fault, e.g. `LIVECHAT_CLIENT_SECRET`. */
  readonly variable: string;

  constructor(init: { variable: string; message: string; cause?: unknown }) {
    super(init.message, { cause: init.cause });
    this.variable = init.variable;
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // DATABASE_URL, or the name a Vercel Marketplace store gives the pooled URL (lib/database-urls).
  const database = firstSet(source, POOLED_URL_VARIABLES);
  const result = schema.safeParse({ ...source, DATABASE_URL: database?.value });
  if (!result.success) {
    const [issue] = result.error.issues;
    const path = issue?.path.join(".") ?? "";
    const variable = path === "DATABASE_URL" && database ? database.name : path;
    throw new EnvError({
      variable,
      message: `Invalid environment: ${variable} ${issue?.message ?? "is invalid"}. See .env.example.`,
      cause: result.error,
    });
  }
  return toEnv(result.data);
}

let cached: Env | undefined;
// Next bundles a module once per route; a process-wide flag keeps the notices to one line each.
const notice = globalThis as unknown as { livechatEnvNoticeShown?: boolean };

export function env(): Env {
  if (!cached) {
    cached = parseEnv(process.env);
    if (!notice.livechatEnvNoticeShown) {
      notice.livechatEnvNoticeShown = true;
      const { livechat } = cached;
      if (cached.emulator) {
        const demo =
          process.env.NODE_ENV === "production" ? " (LIVECHAT_EMULATOR_DEMO: a demo)" : "";
        log.info("env.emulator", {
          message: `no LIVECHAT_CLIENT_ID set: using the bundled emulator at ${livechat.accountsUrl}${demo}`,
        });
      }
    }
  }
  return cached;
}

/**
 * Runs `check` (a parse of the environment): a missing, malformed or unsafe variable prints its
 * one line and ends the process with status 1. For the server's start and the Vercel build.
 */
export function exitOnEnvError(check: () => unknown): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
