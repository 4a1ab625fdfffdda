import { startEmbeddedPostgres } from "./lib/embedded-postgres";

// `tsx scripts/embedded-postgres.ts <port>`: one in-memory PGlite database served on
// 127.0.0.1:<port> until SIGTERM. `npm test` starts one per app database when no PostgreSQL
// server is installed (scripts/lib/stack.ts); it cannot serve them itself, as it waits in
// spawnSync while the suites run.

const port = Number(process.argv[2]);
const database = await startEmbeddedPostgres(undefined, port);
console.log(`PGlite (in memory) on 127.0.0.1:${port}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void database.stop().then(() => process.exit(0)));
}
