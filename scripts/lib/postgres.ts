import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** A throwaway PostgreSQL cluster on 127.0.0.1, for tests and CI. */
export type TestPostgres = {
  url: (database: string) => string;
  /** The server's log (its stderr): where `log_statement` writes, for the benchmark to read. */
  logFile: string;
  stop: () => void;
};

function findBinDir(): string | undefined {
  const fromPgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  const candidates = [
    ...readdirIfExists("/usr/lib/postgresql")
      .sort((a, b) => Number(b) - Number(a))
      .map((version) => `/usr/lib/postgresql/${version}/bin`),
    fromPgConfig.status === 0 ? fromPgConfig.stdout.trim() : "",
  ];
  return candidates.find((dir) => dir && existsSync(join(dir, "initdb")));
}

/** Whether this machine has PostgreSQL's server programs (initdb) to start a throwaway server. */
export const postgresServerInstalled = (): boolean => findBinDir() !== undefined;

function readdirIfExists(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

const shellQuote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

/** initdb and postgres refuse to run as root: run them as the postgres user there. */
function runAsServerUser(command: string[]): void {
  const isRoot = process.getuid?.() === 0;
  const [file, ...args] = isRoot
    ? ["su", "postgres", "-s", "/bin/sh", "-c", command.map(shellQuote).join(" ")]
    : command;
  execFileSync(file!, args, { stdio: "pipe" });
}

export function startPostgres(port: number): TestPostgres {
  const bin = findBinDir();
  if (!bin)
    throw new Error(
      "No PostgreSQL server found (initdb): install one, e.g. apt-get install postgresql.",
    );
  const root = mkdtempSync(join(tmpdir(), "livechat-template-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    chownSync(root, uid, gid);
  }
  const data = join(root, "data");
  runAsServerUser([
    `${bin}/initdb`,
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--no-sync",
  ]);
  const serverOptions = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const logFile = join(root, "log");
  runAsServerUser([`${bin}/pg_ctl`, "-D", data, "-o", serverOptions, "-l", logFile, "-w", "start"]);
  return {
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    logFile,
    stop: () => {
      runAsServerUser([`${bin}/pg_ctl`, "-D", data, "-m", "immediate", "-w", "stop"]);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Drops and creates `database` on the server behind `adminUrl`. */
export async function recreateDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}
