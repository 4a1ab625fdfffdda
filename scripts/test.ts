import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { generateKeySpec } from "../lib/auth/token-crypto";
import { migrateDeploy } from "./lib/migrate";
import { recreateDatabase, startPostgres } from "./lib/postgres";
import { type Service, startService } from "./lib/services";

// `npm test [-- unit emulator integration e2e]`: runs the suites (all by default) and starts what
// they need: a throwaway PostgreSQL server, the emulator, a production build served three times
// (two public app processes sharing one database, and a private app). Ends with one summary line.

const SUITES = ["unit", "emulator", "integration", "e2e"] as const;
const requested = process.argv.slice(2).filter((arg) => (SUITES as readonly string[]).includes(arg));
const suites = new Set(requested.length ? requested : SUITES);
const EMULATOR = "http://127.0.0.1:4011";
const APPS = { public: "http://localhost:3100", publicTwin: "http://localhost:3102", private: "http://localhost:3101" };
const PRIVATE_ORGANIZATION = "6f1c2a9e-0d5b-4b7a-9c3e-1a2b3c4d5e01";
const WEBHOOK_SECRET = randomBytes(16).toString("hex");

const totals = { passed: 0, failed: 0, skipped: 0 };
const stops: Array<() => Promise<void> | void> = [];
mkdirSync(".tmp", { recursive: true });

function run(command: string[], env: Record<string, string> = {}): boolean {
  const [file, ...args] = command;
  const result = spawnSync(file!, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return result.status === 0;
}

function vitest(projects: string[], env: Record<string, string> = {}) {
  const report = `.tmp/vitest-${projects.join("-")}.json`;
  rmSync(report, { force: true });
  const projectArgs = projects.flatMap((project) => ["--project", project]);
  run(["npx", "vitest", "run", ...projectArgs, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], env);
  if (!existsSync(report)) return count(0, 1, 0);
  const json = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; success: boolean };
  count(json.numPassedTests, json.numFailedTests + (json.success || json.numFailedTests ? 0 : 1), json.numPendingTests);
}

function playwright(env: Record<string, string>) {
  const report = ".tmp/playwright.json";
  rmSync(report, { force: true });
  run(["npx", "playwright", "test"], { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: report });
  if (!existsSync(report)) return count(0, 1, 0);
  const { stats } = JSON.parse(readFileSync(report, "utf8")) as { stats: Record<string, number> };
  count((stats.expected ?? 0) + (stats.flaky ?? 0), stats.unexpected ?? 0, stats.skipped ?? 0);
}

function count(passed: number, failed: number, skipped: number) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
}

function appEnv(app: "public" | "private", databaseUrl: string, tokenKey: string): Record<string, string> {
  const common = {
    NODE_ENV: "production",
    NEXTAUTH_SECRET: "test-only-auth-secret-0123456789abcdef",
    TOKEN_ENCRYPTION_KEY: tokenKey,
    LIVECHAT_ACCOUNTS_URL: EMULATOR,
    LIVECHAT_API_URL: EMULATOR,
    LIVECHAT_WEBHOOK_SECRET: WEBHOOK_SECRET,
    DATABASE_URL: databaseUrl,
  };
  if (app === "public") return common;
  return {
    ...common,
    LIVECHAT_CLIENT_ID: "private-app",
    LIVECHAT_CLIENT_SECRET: "private-app-secret",
    LIVECHAT_APP_TYPE: "private",
    LIVECHAT_ORGANIZATION_ID: PRIVATE_ORGANIZATION,
  };
}

async function startStack(): Promise<Record<string, string>> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? (() => {
    const server = startPostgres(55433);
    stops.push(server.stop);
    return server.url("postgres");
  })();
  const database = (name: string) => Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  await Promise.all(["app_public", "app_private"].map((name) => recreateDatabase(adminUrl, name)));
  await Promise.all([migrateDeploy(database("app_public")), migrateDeploy(database("app_private"))]);

  if (!run(["npx", "next", "build"])) throw new Error("next build failed");
  const tokenKey = generateKeySpec();
  const services: Service[] = [];
  const start = async (name: string, command: string[], env: Record<string, string>, readyUrl: string) => {
    const service = await startService(name, command, { env, readyUrl });
    services.push(service);
    stops.push(service.stop);
  };
  await start("emulator", ["npx", "tsx", "emulator/main.ts"], { EMULATOR_PORT: "4011", EMULATOR_WEBHOOK_URL: `${APPS.public}/api/livechat/webhooks?secret=${WEBHOOK_SECRET}` }, `${EMULATOR}/_emulator/fixtures`);
  const nextStart = (url: string) => ["npx", "next", "start", "--port", new URL(url).port];
  await Promise.all([
    start("app-public", nextStart(APPS.public), { ...appEnv("public", database("app_public"), tokenKey), NEXTAUTH_URL: APPS.public }, `${APPS.public}/api/auth/providers`),
    start("app-public-twin", nextStart(APPS.publicTwin), { ...appEnv("public", database("app_public"), tokenKey), NEXTAUTH_URL: APPS.publicTwin }, `${APPS.publicTwin}/api/auth/providers`),
    start("app-private", nextStart(APPS.private), { ...appEnv("private", database("app_private"), tokenKey), NEXTAUTH_URL: APPS.private }, `${APPS.private}/api/auth/providers`),
  ]);
  return {
    TEST_EMULATOR_URL: EMULATOR,
    TEST_APP_URL: APPS.public,
    TEST_APP_TWIN_URL: APPS.publicTwin,
    TEST_PRIVATE_APP_URL: APPS.private,
    TEST_DATABASE_URL: database("app_public"),
    TEST_PRIVATE_DATABASE_URL: database("app_private"),
    TEST_TOKEN_ENCRYPTION_KEY: tokenKey,
    TEST_WEBHOOK_SECRET: WEBHOOK_SECRET,
  };
}

async function main() {
  const started = Date.now();
  const offline = ["unit", "emulator"].filter((suite) => suites.has(suite as (typeof SUITES)[number]));
  if (offline.length) vitest(offline);
  if (suites.has("integration") || suites.has("e2e")) {
    const stack = await startStack();
    if (suites.has("integration")) vitest(["integration"], stack);
    if (suites.has("e2e")) playwright(stack);
  }
  console.log(`\nTests finished in ${Math.round((Date.now() - started) / 1000)} s. Service logs: .tmp/logs/`);
}

async function stopAll() {
  for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => {});
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    totals.failed += 1;
  })
  .finally(async () => {
    await stopAll();
    console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
    process.exit(totals.failed ? 1 : 0);
  });
