import nextEnv from "@next/env";
import { EMBEDDED_DATABASE_URL } from "../lib/defaults";
import { parseEnv } from "../lib/env";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/migrate";
import {
  isStopping,
  onStopAll,
  startProcess,
  stopAllAndExit,
  stopAllOnSignals,
} from "./lib/processes";

// `npm run dev`: the embedded PostgreSQL (unless DATABASE_URL is set), pending migrations, the
// LiveChat emulator (unless real credentials are set) and `next dev`. Ctrl-C stops all of it.

nextEnv.loadEnvConfig(process.cwd(), true, { info: () => {}, error: console.error });
const config = parseEnv(process.env);
stopAllOnSignals(0);

/** Starts a child on this terminal; if it ends by itself, everything stops. */
async function run(name: string, command: string[], env: Record<string, string> = {}) {
  const child = await startProcess(name, command, { env, output: "terminal" });
  void child.exited.then((code) => {
    if (isStopping()) return;
    console.error(`${name} stopped (exit ${code}); stopping everything.`);
    void stopAllAndExit(code ?? 1);
  });
}

async function main() {
  const where: string[] = [];
  if (!process.env.DATABASE_URL) {
    const database = await startEmbeddedPostgres(".data/pglite");
    onStopAll(database.stop);
    where.push(`database  ${EMBEDDED_DATABASE_URL} (embedded PGlite, data in .data/pglite)`);
  } else {
    where.push("database  DATABASE_URL");
  }
  await migrateDeploy(config.database.url);

  if (config.emulator) {
    await run("emulator", ["npx", "tsx", "emulator/main.ts"]);
    where.push(
      `LiveChat  ${config.livechat.accountsUrl} (bundled emulator; run 'npm run emulator' alone to list its accounts)`,
    );
    where.push(
      `Agent App  ${config.livechat.accountsUrl}/agent-app (LiveChat's Agent App, imitated: widgets)`,
    );
  } else {
    where.push(`LiveChat  ${config.livechat.accountsUrl} (client ${config.livechat.clientId})`);
  }
  // next-auth reads NEXTAUTH_URL itself; hand it the URL the app was configured with.
  await run("next", ["npx", "next", "dev", "--port", new URL(config.appUrl).port || "3000"], {
    NEXTAUTH_URL: config.appUrl,
  });
  where.push(`app       ${config.appUrl}`);
  console.log(`\n${where.map((line) => `  ${line}`).join("\n")}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void stopAllAndExit(1);
});
