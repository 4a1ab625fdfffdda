import { type ChildProcess, spawn } from "node:child_process";
import nextEnv from "@next/env";
import { EMBEDDED_DATABASE_URL } from "../lib/defaults";
import { parseEnv } from "../lib/env";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/migrate";

// `npm run dev`: the embedded PostgreSQL (unless DATABASE_URL is set), pending migrations, the
// LiveChat emulator (unless real credentials are set) and `next dev`. Ctrl-C stops all of it.

nextEnv.loadEnvConfig(process.cwd(), true, { info: () => {}, error: console.error });
const config = parseEnv(process.env);
const children: ChildProcess[] = [];
const stops: Array<() => Promise<void>> = [];
let stopping = false;

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  // Each child leads its own process group: signal the group, so npx's grandchildren stop too.
  for (const child of children) {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
  for (const stop of stops) await stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

function run(name: string, command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, {
    stdio: "inherit",
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`${name} stopped (exit ${code}); stopping everything.`);
      void stopAll(code ?? 1);
    }
  });
  children.push(child);
}

async function main() {
  const where: string[] = [];
  if (!process.env.DATABASE_URL) {
    const database = await startEmbeddedPostgres(".data/pglite");
    stops.push(database.stop);
    where.push(`database  ${EMBEDDED_DATABASE_URL} (embedded PGlite, data in .data/pglite)`);
  } else {
    where.push("database  DATABASE_URL");
  }
  await migrateDeploy(config.database.url);

  if (config.emulator) {
    run("emulator", "npx", ["tsx", "emulator/main.ts"]);
    where.push(
      `LiveChat  ${config.livechat.accountsUrl} (bundled emulator; run 'npm run emulator' alone to list its accounts)`,
    );
  } else {
    where.push(`LiveChat  ${config.livechat.accountsUrl} (client ${config.livechat.clientId})`);
  }
  // next-auth reads NEXTAUTH_URL itself; hand it the URL the app was configured with.
  run("next", "npx", ["next", "dev", "--port", new URL(config.appUrl).port || "3000"], {
    NEXTAUTH_URL: config.appUrl,
  });
  where.push(`app       ${config.appUrl}`);
  console.log(`\n${where.map((line) => `  ${line}`).join("\n")}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void stopAll(1);
});
