import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { servePglite } from "@/scripts/lib/pglite-server";

// The embedded database that `npm run dev` and a PostgreSQL-less `npm test` use: one PGlite
// backend, served over real TCP to real pg clients, which must never see each other's work.

const PORT = 55491;
const url = `postgresql://postgres:postgres@127.0.0.1:${PORT}/postgres`;
let db: PGlite;
let server: Awaited<ReturnType<typeof servePglite>>;
const clients: pg.Client[] = [];

async function client(): Promise<pg.Client> {
  const one = new pg.Client({ connectionString: url });
  await one.connect();
  clients.push(one);
  return one;
}

beforeAll(async () => {
  db = await PGlite.create();
  server = await servePglite(db, "127.0.0.1", PORT);
  await db.exec("CREATE TABLE note (id serial PRIMARY KEY, text text NOT NULL)");
}, 30_000);

beforeEach(async () => {
  await db.exec("TRUNCATE note");
});

afterAll(async () => {
  await Promise.all(clients.map((one) => one.end().catch(() => {})));
  await server.close();
  await db.close();
});

const count = async (one: pg.Client) =>
  Number((await one.query("SELECT count(*) AS n FROM note")).rows[0].n);

describe("the embedded database server", () => {
  it("answers each client's parameterized queries with its own parameters", async () => {
    const [a, b, c] = await Promise.all([client(), client(), client()]);
    const ask = async (one: pg.Client, base: number) => {
      const results: pg.QueryResult[] = [];
      for (let i = 0; i < 40; i++) {
        results.push(
          await one.query("SELECT $1::int AS n, $2::text AS who", [base + i, `client-${base}`]),
        );
      }
      return results;
    };
    const answers = await Promise.all([ask(a, 0), ask(b, 1000), ask(c, 2000)]);
    answers.forEach((results, client) => {
      const base = client * 1000;
      expect(results.map((result) => result.rows[0])).toEqual(
        Array.from({ length: 40 }, (_, i) => ({ n: base + i, who: `client-${base}` })),
      );
    });
  });

  it("keeps another client out of an open transaction until it ends", async () => {
    const [a, b] = await Promise.all([client(), client()]);
    await a.query("BEGIN");
    await a.query("INSERT INTO note (text) VALUES ('rolled back')");
    const outside = b.query("INSERT INTO note (text) VALUES ('kept')");
    await a.query("ROLLBACK");
    await outside;
    expect((await a.query("SELECT text FROM note")).rows).toEqual([{ text: "kept" }]);
  });

  it("rolls back the transaction of a client that disconnects, and serves the others", async () => {
    const [a, b] = await Promise.all([client(), client()]);
    await a.query("BEGIN");
    await a.query("INSERT INTO note (text) VALUES ('half-written')");
    const waiting = count(b);
    a.on("error", () => {}); // pg reports the connection it lost; that is the point here
    (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect(await waiting).toBe(0);
    const c = await client();
    expect(await count(c)).toBe(0);
  });

  it("reports a failed statement to its client only", async () => {
    const [a, b] = await Promise.all([client(), client()]);
    const [failed, fine] = await Promise.allSettled([
      a.query("SELECT * FROM no_such_table WHERE id = $1", [1]),
      b.query("SELECT $1::text AS ok", ["yes"]),
    ]);
    expect(failed.status).toBe("rejected");
    expect(fine).toMatchObject({ status: "fulfilled", value: { rows: [{ ok: "yes" }] } });
    expect((await a.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });
});
