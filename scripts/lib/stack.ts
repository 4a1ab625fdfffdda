import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { generateKeySpec } from "../../lib/auth/tokens/crypto";
import { migrateDeploy } from "./migrate";
import { recreateDatabase, startPostgres } from "./postgres";
import { startService } from "./services";

// What the integration and e2e suites (and the benchmarks) run against: a throwaway PostgreSQL
// server, the emulator, and a production build served three times: two public app processes
// sharing one database, and a private app. Their URLs reach the tests as TEST_* variables.

const EMULATOR = "http://127.0.0.1:4011";
const APPS = {
  public: "http://localhost:3100",
  publicTwin: "http://localhost:3102",
  private: "http://localhost:3101",
};
const PRIVATE_ORGANIZATION = "6f1c2a9e-0d5b-4b7a-9c3e-1a2b3c4d5e01";
const WEBHOOK_SECRET = randomBytes(16).toString("hex");

function appEnv(
  app: "public" | "private",
  databaseUrl: string,
  tokenKey: string,
): Record<string, string> {
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

/** Starts the stack; `stop` ends all of it. Throws (after stopping what started) if a part fails. */
export async function startStack(): Promise<{
  env: Record<string, string>;
  stop: () => Promise<void>;
}> {
  const stops: Array<() => Promise<void> | void> = [];
  const stop = async () => {
    for (const one of stops.reverse()) await Promise.resolve(one()).catch(() => {});
  };
  try {
    return { env: await startParts(stops), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startParts(
  stops: Array<() => Promise<void> | void>,
): Promise<Record<string, string>> {
  const adminUrl =
    process.env.TEST_DATABASE_URL ??
    (() => {
      const server = startPostgres(55433);
      stops.push(server.stop);
      return server.url("postgres");
    })();
  const database = (name: string) =>
    Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  await Promise.all(["app_public", "app_private"].map((name) => recreateDatabase(adminUrl, name)));
  await Promise.all([
    migrateDeploy(database("app_public")),
    migrateDeploy(database("app_private")),
  ]);

  const build = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed");
  const tokenKey = generateKeySpec();
  const start = async (
    name: string,
    command: string[],
    env: Record<string, string>,
    readyUrl: string,
  ) => {
    const service = await startService(name, command, { env, readyUrl });
    stops.push(service.stop);
  };
  await start(
    "emulator",
    ["npx", "tsx", "emulator/main.ts"],
    {
      EMULATOR_PORT: "4011",
      EMULATOR_WEBHOOK_URL: `${APPS.public}/api/livechat/webhooks?secret=${WEBHOOK_SECRET}`,
    },
    `${EMULATOR}/_emulator/fixtures`,
  );
  const nextStart = (url: string) => ["npx", "next", "start", "--port", new URL(url).port];
  await Promise.all([
    start(
      "app-public",
      nextStart(APPS.public),
      { ...appEnv("public", database("app_public"), tokenKey), NEXTAUTH_URL: APPS.public },
      `${APPS.public}/api/auth/providers`,
    ),
    start(
      "app-public-twin",
      nextStart(APPS.publicTwin),
      { ...appEnv("public", database("app_public"), tokenKey), NEXTAUTH_URL: APPS.publicTwin },
      `${APPS.publicTwin}/api/auth/providers`,
    ),
    start(
      "app-private",
      nextStart(APPS.private),
      { ...appEnv("private", database("app_private"), tokenKey), NEXTAUTH_URL: APPS.private },
      `${APPS.private}/api/auth/providers`,
    ),
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
