import { PGlite } from "@electric-sql/pglite";
import { createConnection, type Socket } from "node:net";
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

/** A protocol message: its type byte, then its length and `body`. */
function message(type: string, ...body: Buffer[]): Buffer {
  const payload = Buffer.concat(body);
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(payload.length + 4, 1);
  return Buffer.concat([header, payload]);
}
const cstring = (text: string) => Buffer.from(`${text}\0`);
const int16 = (value: number) => Buffer.from([value >> 8, value & 0xff]);
const int32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
};

/** A raw protocol client, after its startup: the socket and a wait for bytes it receives. */
async function rawClient(): Promise<{ socket: Socket; received: (byte: number) => Promise<void> }> {
  const socket = createConnection({ host: "127.0.0.1", port: PORT });
  let seen = Buffer.alloc(0);
  const waiters: Array<() => void> = [];
  socket.on("data", (chunk) => {
    seen = Buffer.concat([seen, chunk]);
    waiters.splice(0).forEach((wake) => wake());
  });
  socket.on("error", () => {});
  const received = async (byte: number) => {
    while (!seen.includes(byte)) await new Promise<void>((wake) => waiters.push(wake));
  };
  await new Promise((resolve) => socket.once("connect", resolve));
  const params = Buffer.concat([
    cstring("user"),
    cstring("postgres"),
    cstring(""),
    Buffer.from([]),
  ]);
  socket.write(Buffer.concat([int32(params.length + 8), int32(196_608), params]));
  await received(0x5a); // ReadyForQuery
  seen = Buffer.alloc(0);
  return { socket, received };
}

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

  it("rolls back what a client executed without its Sync, when it disconnects", async () => {
    const { socket, received } = await rawClient();
    socket.write(
      Buffer.concat([
        message("P", cstring(""), cstring("INSERT INTO note (text) VALUES ('unsynced')"), int16(0)),
        message("B", cstring(""), cstring(""), int16(0), int16(0), int16(0)),
        message("E", cstring(""), int32(0)),
      ]),
    );
    await received(0x43); // CommandComplete: the INSERT ran, in the implicit transaction
    socket.destroy();
    expect(await count(await client())).toBe(0);
  });

  /** Sends `bytes` on `socket`; resolves once the server has closed it. */
  const closedAfter = (socket: Socket, bytes: Buffer) => {
    const closed = new Promise((resolve) => socket.once("close", resolve));
    socket.write(bytes);
    return closed;
  };

  it("drops a client whose message is shorter than its own header, and serves the others", async () => {
    const { socket } = await rawClient();
    await closedAfter(socket, Buffer.concat([Buffer.from("Q"), int32(-1)]));
    expect(await count(await client())).toBe(0);
  });

  it("drops a client whose startup packet has no code, and serves the others", async () => {
    const socket = createConnection({ host: "127.0.0.1", port: PORT });
    socket.on("error", () => {});
    await new Promise((resolve) => socket.once("connect", resolve));
    await closedAfter(socket, int32(4));
    expect(await count(await client())).toBe(0);
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
