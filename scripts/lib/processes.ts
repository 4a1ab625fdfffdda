import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync } from "node:fs";
import { createConnection } from "node:net";
import { setTimeout as delay } from "node:timers/promises";

// The one way scripts start and stop processes. A long-running child leads its own process group,
// so stopping it stops what it started too (npx -> next -> workers); everything a script started
// or registered stops together, last first, on stopAll(), on Ctrl-C and on SIGTERM.

const STOP_GRACE_MS = 5_000;
const CHILD_ENV = { NEXT_TELEMETRY_DISABLED: "1" };

type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];
let stopping = false;

export interface StartedProcess {
  name: string;
  /** Resolves with the exit code once the child has exited, whoever stopped it. */
  exited: Promise<number | null>;
}

/** Registers `cleanup` (a database to stop, a directory to remove) to run on stopAll(). */
export function onStopAll(cleanup: Cleanup): void {
  cleanups.push(cleanup);
}

/** True once stopAll() has begun: a child exiting now was stopped, it did not fail. */
export const isStopping = () => stopping;

/** Stops every started process and runs every registered cleanup, the last registered first. */
export async function stopAll(): Promise<void> {
  stopping = true;
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
    await Promise.resolve()
      .then(cleanup)
      .catch(() => {});
  }
}

/** Stops everything, then ends this script with `code`. */
export async function stopAllAndExit(code: number): Promise<never> {
  await stopAll();
  process.exit(code);
}

/** Ctrl-C and SIGTERM stop everything, then end this script with `code`. */
export function stopAllOnSignals(code: number): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (!stopping) void stopAllAndExit(code);
    });
  }
}

/** Resolves once something accepts a TCP connection on `url`'s host and port. */
function connects(url: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: url.hostname, port: Number(url.port) });
    socket.setTimeout(2_000, () => socket.destroy(new Error("timeout")));
    socket.once("connect", () => {
      socket.destroy();
      resolve();
    });
    socket.once("error", reject);
  });
}

/**
 * Polls `url` until it answers (an http URL: any HTTP status; any other, e.g. a database's: a TCP
 * connection) or `timeoutMs` passes.
 */
async function waitForService(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const target = new URL(url);
  const http = target.protocol === "http:" || target.protocol === "https:";
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      if (http) await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      else await connects(target);
      return;
    } catch {
      await delay(100);
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

const LOG_DIR = ".tmp/logs";
const logFileOf = (name: string) => `${LOG_DIR}/${name}.log`;

/** What a service started with `output: "log-file"` has written so far (e.g. "app-public"). */
export const serviceLog = (name: string): string => readFileSync(logFileOf(name), "utf8");

/** The logs of every service whose name starts with `prefix` (e.g. "app-": the app servers). */
export function serviceLogs(prefix: string): string[] {
  return readdirSync(LOG_DIR)
    .filter((file) => file.startsWith(prefix) && file.endsWith(".log"))
    .map((file) => serviceLog(file.slice(0, -".log".length)));
}

/**
 * Starts a long-running `command` in its own process group, registered for stopAll(). Its output
 * goes to this terminal (`output: "terminal"`) or to `.tmp/logs/<name>.log`; with `readyUrl` it
 * resolves once that URL answers, and throws with the log's tail if it never does.
 */
export async function startProcess(
  name: string,
  command: string[],
  options: {
    env?: Record<string, string>;
    output: "terminal" | "log-file";
    readyUrl?: string;
    timeoutMs?: number;
  },
): Promise<StartedProcess> {
  if (stopping) throw new Error(`not starting ${name}: stopping everything`);
  const logFile = logFileOf(name);
  let log: number | undefined;
  if (options.output === "log-file") {
    mkdirSync(LOG_DIR, { recursive: true });
    // The child writes straight to the file: scripts/test.ts blocks in spawnSync while suites
    // run, so a pipe would not be drained (and a full pipe would stall the service).
    log = openSync(logFile, "w");
  }
  const [file, ...args] = command;
  const child = spawn(file!, args, {
    env: { ...process.env, ...CHILD_ENV, ...options.env },
    stdio: log === undefined ? "inherit" : ["ignore", log, log],
    detached: true,
  });
  if (log !== undefined) closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalGroup(child, "SIGTERM");
    await Promise.race([exited, delay(STOP_GRACE_MS)]);
    if (child.exitCode === null && child.signalCode === null) signalGroup(child, "SIGKILL");
  };
  onStopAll(stop);
  if (options.readyUrl) {
    try {
      await waitForService(options.readyUrl, options.timeoutMs ?? 60_000, child);
    } catch (error) {
      await stop();
      const tail = log === undefined ? "" : `\n${readFileSync(logFile, "utf8").slice(-3_000)}`;
      throw new Error(`${name} did not start: ${(error as Error).message}${tail}`);
    }
  }
  return { name, exited };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

/** Runs `command` in the foreground with this terminal and waits for it; true if it succeeded. */
export function runToCompletion(command: string[], env: Record<string, string> = {}): boolean {
  const [file, ...args] = command;
  const result = spawnSync(file!, args, {
    stdio: "inherit",
    env: { ...process.env, ...CHILD_ENV, ...env },
  });
  return result.status === 0;
}
