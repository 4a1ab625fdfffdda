import { z } from "zod";
import { accounts, clients, organizations } from "./fixtures";
import { DEFAULT_WIDGET_URLS, startEmulator } from "./server";

// `npm run emulator`: the only place the emulator reads process.env.

const envSchema = z.object({
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(4010),
  EMULATOR_HOST: z.string().min(1).default("127.0.0.1"),
  EMULATOR_CODE_TTL_SECONDS: z.coerce.number().positive().default(600),
  EMULATOR_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().positive().default(28_800),
  EMULATOR_REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().min(0).optional(),
  // `off` lifts LiveChat's 3 redirects in 30 s per client and account (for test suites only).
  EMULATOR_REDIRECT_LIMIT: z.enum(["on", "off"]).default("on"),
  EMULATOR_REDIRECT_URIS: z.string().optional(),
  EMULATOR_WEBHOOK_URL: z.url().optional(),
  EMULATOR_WIDGET_FULLSCREEN_URL: z.url().default(DEFAULT_WIDGET_URLS.fullscreen),
  EMULATOR_WIDGET_DETAILS_URL: z.url().default(DEFAULT_WIDGET_URLS.details),
  EMULATOR_WIDGET_SETTINGS_URL: z.url().default(DEFAULT_WIDGET_URLS.settings),
});

function table(rows: Record<string, string>[]): string {
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: string[]) =>
    `  ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ")}`.trimEnd();
  return [
    line(columns),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map((r) => line(columns.map((c) => r[c] ?? ""))),
  ].join("\n");
}

async function main(): Promise<void> {
  // As in the app's lib/env.ts, a variable set to "" (a line `X=` in .env) counts as unset.
  const set = Object.entries(process.env).filter(([, value]) => value !== "");
  const parsed = envSchema.safeParse(Object.fromEntries(set));
  if (!parsed.success) {
    console.error(`Invalid emulator environment:\n${z.prettifyError(parsed.error)}`);
    process.exit(1);
  }
  const env = parsed.data;
  const extraRedirectUris = (env.EMULATOR_REDIRECT_URIS ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  const emulator = await startEmulator({
    port: env.EMULATOR_PORT,
    host: env.EMULATOR_HOST,
    codeTtlSeconds: env.EMULATOR_CODE_TTL_SECONDS,
    accessTokenTtlSeconds: env.EMULATOR_ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: env.EMULATOR_REFRESH_TOKEN_TTL_SECONDS,
    redirectLimit: env.EMULATOR_REDIRECT_LIMIT === "on",
    extraRedirectUris,
    webhookUrl: env.EMULATOR_WEBHOOK_URL,
    widgetFullscreenUrl: env.EMULATOR_WIDGET_FULLSCREEN_URL,
    widgetDetailsUrl: env.EMULATOR_WIDGET_DETAILS_URL,
    widgetSettingsUrl: env.EMULATOR_WIDGET_SETTINGS_URL,
  });

  console.log(`LiveChat emulator listening on ${emulator.url} (accounts server and REST APIs)`);
  console.log(`Agent App (imitated) on ${emulator.url}/agent-app, loading these widgets:`);
  console.log(`  fullscreen  ${env.EMULATOR_WIDGET_FULLSCREEN_URL}`);
  console.log(`  details     ${env.EMULATOR_WIDGET_DETAILS_URL}`);
  console.log(`  settings    ${env.EMULATOR_WIDGET_SETTINGS_URL}\n`);
  console.log("Clients:");
  console.log(
    table(
      clients.map((c) => ({
        client_id: c.client_id,
        client_secret: c.client_secret ?? "(none: PKCE)",
        type: `${c.app_type} ${c.client_type}`,
      })),
    ),
  );
  const whitelist = [...(clients[0]?.redirect_uris ?? []), ...extraRedirectUris];
  console.log(`  redirect whitelist of every client: ${whitelist.join(", ")}`);
  console.log(`  scopes of every client: ${clients[0]?.scopes.join(", ")}\n`);
  console.log("Organizations:");
  console.log(
    table(
      organizations.map((o) => ({
        organization_id: o.organization_id,
        name: o.name,
        region: o.region,
        token_prefix: o.token_prefix,
      })),
    ),
  );
  console.log("\nAccounts (sign in with any of these emails):");
  console.log(
    table(
      accounts.map((a) => ({
        email: a.email,
        name: a.name,
        role: a.role,
        organization:
          organizations.find((o) => o.organization_id === a.organization_id)?.name ?? "",
      })),
    ),
  );
  console.log(
    `\nTest controls: ${emulator.url}/_emulator/fixtures (and faults, tokens, requests, reset)`,
  );
  if (env.EMULATOR_REDIRECT_LIMIT === "off")
    console.log("LiveChat's limit of 3 redirects in 30 s per client and account is OFF");
  if (env.EMULATOR_WEBHOOK_URL) console.log(`App webhooks go to ${env.EMULATOR_WEBHOOK_URL}`);

  const shutdown = (signal: string) => {
    console.log(`\n${signal}: stopping the emulator`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(
    `The LiveChat emulator could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
