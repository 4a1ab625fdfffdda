import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";

export interface Service {
  name: string;
  logFile: string;
  stop: () => Promise<void>;
}

/** Polls `url` until it answers (any HTTP status) or `timeoutMs` passes. */
export async function waitForHttp(
  url: string,
  timeoutMs: number,
  child?: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await delay(100);
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Starts a long-running process with its output in `.tmp/logs/<name>.log`, ready once `readyUrl` answers. */
export async function startService(
  name: string,
  command: string[],
  options: { env: Record<string, string>; readyUrl: string; timeoutMs?: number },
): Promise<Service> {
  mkdirSync(".tmp/logs", { recursive: true });
  const logFile = `.tmp/logs/${name}.log`;
  // The child writes straight to the file: this process blocks in spawnSync while suites run, so
  // a pipe would not be drained (and a full pipe would stall the service).
  const log = openSync(logFile, "w");
  const [file, ...args] = command;
  const child = spawn(file!, args, {
    env: { ...process.env, ...options.env },
    stdio: ["ignore", log, log],
    detached: true,
  });
  closeSync(log);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGTERM");
    await Promise.race([exited, delay(5_000)]);
    if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
  };
  try {
    await waitForHttp(options.readyUrl, options.timeoutMs ?? 60_000, child);
  } catch (error) {
    await stop();
    throw new Error(
      `${name} did not start: ${(error as Error).message}\n${readFileSync(logFile, "utf8").slice(-3_000)}`,
    );
  }
  return { name, logFile, stop };
}
