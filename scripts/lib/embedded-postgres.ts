import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { EMBEDDED_DATABASE_PORT } from "../../lib/defaults";
import { servePglite } from "./pglite-server";

/**
 * The zero-install database: PostgreSQL 18 compiled to WASM (PGlite), kept in `dataDir` (in
 * memory without one) and served on 127.0.0.1:`port`, so the app, the tests and the Prisma CLI
 * connect to it like to any server. One backend: connections take turns (./pglite-server.ts).
 */
export async function startEmbeddedPostgres(
  dataDir: string | undefined,
  port = EMBEDDED_DATABASE_PORT,
) {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = await servePglite(db, "127.0.0.1", port);
  return {
    stop: async () => {
      await server.close();
      await db.close();
    },
  };
}
