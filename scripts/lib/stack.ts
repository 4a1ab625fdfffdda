import { randomBytes } from "node:crypto";
import { SEEDED } from "../../emulator/fixtures";
import { generateKeySpec } from "../../lib/auth/tokens/crypto";
import { migrateDeploy } from "./migrate";
import { postgresServerInstalled, recreateDatabase, startPostgres } from "./postgres";
import { onStopAll, runToCompletion, startProcess } from "./processes";
import { type Stack, stackEnv } from "./stack-env";

// What the integration and e2e suites (and the benchmarks) run against: a throwaway PostgreSQL
// server, the emulator, and a production build served three times: two public app processes
// sharing one database, and a private app. Build first (buildApp), then startStack.

const EMULATOR = "http://127.0.0.1:4011";
const APPS = {
  public: "http://localhost:3100",
  publicTwin: "http://localhost:3102",
  private: "http://localhost:3101",
};
const WEBHOOK_SECRET = randomBytes(16).toString("hex");

/** What an app process of the stack gets (also for a suite that starts one more, e.g. health). */
export function appEnv(
  app: "public" | "private",
  databaseUrl: string,
  tokenKey: string,
): Record<string, string> {
  const common = {
    NODE_ENV: "production",
    // A production build against the emulator is refused unless it says it is a demo (lib/env.ts).
    LIVECHAT_EMULATOR_DEMO: "1",
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
    LIVECHAT_ORGANIZATION_ID: SEEDED.organizations.acme,
  };
}

/**
 * The production build the three app processes serve; `bench` adds the benchmark-only routes
 * (BENCH_BUILD, next.config.ts) for `npm run bench`.
 */
export function buildApp(kind: "production" | "bench" = "production"): void {
  const env: Record<string, string> = kind === "bench" ? { BENCH_BUILD: "1" } : {};
  if (!runToCompletion(["npx", "next", "build"], env))
    throw new Error(`next build (${kind}) failed`);
}

/**
 * Starts the stack on the last build and returns its addresses and secrets as TEST_* variables
 * (scripts/lib/stack-env.ts). Everything it starts stops on stopAll(), also when a part fails.
 */
export async function startStack(): Promise<Record<string, string>> {
  const { database, logFile } = await startDatabases(["app_public", "app_private"]);
  await Promise.all([
    migrateDeploy(database("app_public")),
    migrateDeploy(database("app_private")),
  ]);

  const tokenKey = generateKeySpec();
  const service = (
    name: string,
    command: string[],
    env: Record<string, string>,
    readyUrl: string,
  ) => startProcess(name, command, { env, readyUrl, output: "log-file" });
  await service(
    "emulator",
    ["npx", "tsx", "emulator/main.ts"],
    {
      EMULATOR_PORT: "4011",
      EMULATOR_WEBHOOK_URL: `${APPS.public}/api/livechat/webhooks?secret=${WEBHOOK_SECRET}`,
      EMULATOR_WIDGET_FULLSCREEN_URL: `${APPS.public}/widgets/fullscreen`,
      EMULATOR_WIDGET_DETAILS_URL: `${APPS.public}/widgets/details`,
      EMULATOR_WIDGET_SETTINGS_URL: `${APPS.public}/widgets/settings`,
    },
    `${EMULATOR}/_emulator/fixtures`,
  );
  const nextStart = (url: string) => ["npx", "next", "start", "--port", new URL(url).port];
  await Promise.all([
    service(
      "app-public",
      nextStart(APPS.public),
      { ...appEnv("public", database("app_public"), tokenKey), NEXTAUTH_URL: APPS.public },
      `${APPS.public}/api/auth/providers`,
    ),
    service(
      "app-public-twin",
      nextStart(APPS.publicTwin),
      { ...appEnv("public", database("app_public"), tokenKey), NEXTAUTH_URL: APPS.publicTwin },
      `${APPS.publicTwin}/api/auth/providers`,
    ),
    service(
      "app-private",
      nextStart(APPS.private),
      { ...appEnv("private", database("app_private"), tokenKey), NEXTAUTH_URL: APPS.private },
      `${APPS.private}/api/auth/providers`,
    ),
  ]);
  const stack: Stack = {
    emulatorUrl: EMULATOR,
    appUrl: APPS.public,
    appTwinUrl: APPS.publicTwin,
    privateAppUrl: APPS.private,
    databaseUrl: database("app_public"),
    privateDatabaseUrl: database("app_private"),
    databaseLogFile: logFile,
    tokenEncryptionKey: tokenKey,
    webhookSecret: WEBHOOK_SECRET,
  };
  return stackEnv(stack);
}

type Databases = {
  /** The URL of one of the databases asked for. */
  database: (name: string) => string;
  /** The server's statement log (for the benchmark), or "" when it is not ours to read. */
  logFile: string;
};

/**
 * Empty databases for the apps, on the first of: the server TEST_DATABASE_URL names, a throwaway
 * PostgreSQL server of this machine's installation, or embedded PGlite (one per database, as
 * `npm run dev` uses), so `npm test` needs nothing but Node. All of it stops on stopAll().
 */
async function startDatabases(names: string[]): Promise<Databases> {
  const outside = process.env.TEST_DATABASE_URL;
  if (!outside && !postgresServerInstalled()) return startEmbeddedDatabases(names);
  let adminUrl = outside ?? "";
  let logFile = "";
  if (!outside) {
    const server = startPostgres(55433);
    onStopAll(server.stop);
    adminUrl = server.url("postgres");
    logFile = server.logFile;
  }
  const database = (name: string) =>
    Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  await Promise.all(names.map((name) => recreateDatabase(adminUrl, name)));
  return { database, logFile };
}

const EMBEDDED_PORTS = 55434;

async function startEmbeddedDatabases(names: string[]): Promise<Databases> {
  console.log(
    "No PostgreSQL server found and TEST_DATABASE_URL is not set: the suites run against embedded PGlite (PostgreSQL 18 in WASM), one in-memory database per app.",
  );
  const urls = new Map(
    names.map((name, index) => [
      name,
      `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORTS + index}/${name}`,
    ]),
  );
  await Promise.all(
    [...urls].map(([name, url]) =>
      startProcess(
        `pglite-${name}`,
        ["npx", "tsx", "scripts/embedded-postgres.ts", new URL(url).port],
        { output: "log-file", readyUrl: url },
      ),
    ),
  );
  return { database: (name) => urls.get(name)!, logFile: "" };
}
