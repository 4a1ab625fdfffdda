import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { EMBEDDED_DATABASE_PORT } from "../../lib/defaults";

/**
 * The zero-install development database: PostgreSQL 18 compiled to WASM (PGlite), kept in
 * `dataDir` and served on 127.0.0.1 so the app and the Prisma CLI connect to it like to any server.
 */
export async function startEmbeddedPostgres(dataDir: string) {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  // Queries from several connections share PGlite's one backend; the app keeps a pool of one.
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: EMBEDDED_DATABASE_PORT,
    maxConnections: 4,
  });
  await server.start();
  return {
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
