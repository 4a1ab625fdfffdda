import { randomUUID } from "node:crypto";
import { openSync, readSync, closeSync, statSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { withDatabase } from "../app-database";
import { loadOk, type Target } from "./measure";

// Database statements per request, counted in PostgreSQL's own statement log: logging is switched
// on for the stack's throwaway server (ALTER SYSTEM), and a marker query before and after one
// request brackets that request's lines. Each statement is logged once when it executes, however
// the driver parsed and bound it.

const LINE = /\[(\d+)\] (\S*) LOG: {2}(?:statement|execute [^:]*): (.*)$/;

async function setStatementLog(adminUrl: string, on: boolean) {
  await withDatabase(adminUrl, async (db) => {
    if (on) {
      await db.query(`ALTER SYSTEM SET log_statement = 'all'`);
      await db.query(`ALTER SYSTEM SET log_line_prefix = '%m [%p] %d '`);
    } else {
      await db.query(`ALTER SYSTEM RESET log_statement`);
      await db.query(`ALTER SYSTEM RESET log_line_prefix`);
    }
    await db.query(`SELECT pg_reload_conf()`);
  });
  // Backends reread the configuration when the postmaster's signal reaches them.
  await delay(500);
}

function readFrom(file: string, offset: number): string {
  const length = statSync(file).size - offset;
  const buffer = Buffer.alloc(Math.max(0, length));
  const fd = openSync(file, "r");
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString("utf8");
}

/**
 * The statements the app ran on `databaseUrl`'s database for each of `requests` loads of `target`
 * (its token fresh, the app warm), read from `logFile` of the server behind `adminUrl`.
 */
export async function countStatements(
  target: Target,
  requests: number,
  { adminUrl, databaseUrl, logFile }: { adminUrl: string; databaseUrl: string; logFile: string },
): Promise<string[][]> {
  const database = new URL(databaseUrl).pathname.slice(1);
  await loadOk(target);
  await setStatementLog(adminUrl, true);
  try {
    return await withDatabase(databaseUrl, async (marker) => {
      const markerPid = String((await marker.query("SELECT pg_backend_pid() AS pid")).rows[0].pid);
      const perRequest: string[][] = [];
      for (let i = 0; i < requests; i++) {
        const id = randomUUID();
        const offset = statSync(logFile).size;
        await marker.query(`SELECT 'bench-start-${id}'`);
        await loadOk(target);
        // Work the page leaves for after its response (a session touch) still belongs to it.
        await delay(300);
        await marker.query(`SELECT 'bench-end-${id}'`);
        const lines = readFrom(logFile, offset).split("\n");
        const start = lines.findIndex((line) => line.includes(`bench-start-${id}`));
        const end = lines.findIndex((line) => line.includes(`bench-end-${id}`));
        if (start < 0 || end < 0) throw new Error(`no statement log in ${logFile}`);
        perRequest.push(
          lines.slice(start + 1, end).flatMap((line) => {
            const [, pid, lineDatabase, statement = ""] = LINE.exec(line) ?? [];
            return pid && pid !== markerPid && lineDatabase === database ? [statement] : [];
          }),
        );
      }
      return perRequest;
    });
  } finally {
    await setStatementLog(adminUrl, false);
  }
}
