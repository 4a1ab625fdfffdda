import { spawn } from "node:child_process";

const DONE = /All migrations have been successfully applied|No pending migrations to apply/;

/**
 * Runs `prisma migrate deploy` against `databaseUrl`. Prisma 6.19's WASM schema engine leaves a
 * timer pending for a while after it has finished, so we stop waiting once it says it is done.
 */
export function migrateDeploy(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let done = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!done && DONE.test(output)) {
        done = true;
        child.kill("SIGTERM");
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (done) return;
      if (code === 0) resolve();
      else reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`));
    });
  });
}
