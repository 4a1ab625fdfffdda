import { createServer, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";

// PGlite runs one PostgreSQL backend. To serve it to several connections (an app's pool, a second
// app process, a test's own client, `prisma migrate deploy`), each connection gets the backend to
// itself from its first message until the backend reports, in ReadyForQuery, that it is idle
// again: a whole query, a whole extended-protocol sequence up to Sync, a whole BEGIN..COMMIT.
// Connections wait their turn; nothing from two of them ever interleaves. (pglite-socket 0.2,
// which this replaces, hands the backend over between single messages outside an explicit
// transaction: a client's Parse/Bind/Execute/Sync that arrives in two TCP reads can have another
// client's unnamed statement slip in between.)

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const SYNC = Uint8Array.of(0x53, 0, 0, 0, 4);
/** Execute of a portal no client can have made: the error aborts an implicit transaction. */
const ABORT = (() => {
  const name = Buffer.from("\u0001pglite-server-abort\u0000");
  const frame = Buffer.alloc(1 + 4 + name.length + 4);
  frame.write("E", 0);
  frame.writeInt32BE(frame.length - 1, 1);
  name.copy(frame, 5);
  return new Uint8Array(frame);
})();
const TERMINATE = 0x58; // 'X'
const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'

class Connection {
  private buffer = Buffer.alloc(0);
  private started = false;
  readonly frames: Uint8Array[] = [];
  closed = false;

  constructor(
    readonly socket: Socket,
    private readonly onFrame: () => void,
  ) {}

  /** Splits what arrived into protocol messages; answers the pre-startup requests itself. */
  receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerLength = this.started ? 5 : 4;
      if (this.buffer.length < headerLength) return;
      const length = this.started ? 1 + this.buffer.readInt32BE(1) : this.buffer.readInt32BE(0);
      // A length shorter than its own header (or a startup packet without its code) is no
      // PostgreSQL client: end it, rather than loop on it or fail reading past its end.
      if (length < (this.started ? 5 : 8)) {
        this.socket.destroy();
        return;
      }
      if (this.buffer.length < length) return;
      const frame = this.buffer.subarray(0, length);
      this.buffer = this.buffer.subarray(length);
      if (!this.started) {
        const code = frame.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          this.socket.write("N");
          continue;
        }
        if (code === CANCEL_REQUEST) {
          this.socket.destroy();
          return;
        }
        this.started = true;
      } else if (frame[0] === TERMINATE) {
        this.socket.end();
        return;
      }
      this.frames.push(new Uint8Array(frame));
      this.onFrame();
    }
  }
}

/** The status byte of the last ReadyForQuery in `output`, if there is one. */
function lastReadyStatus(output: Uint8Array): number | null {
  let status: number | null = null;
  const view = new DataView(output.buffer, output.byteOffset, output.byteLength);
  for (let at = 0; at + 5 <= output.length; at += 1 + view.getInt32(at + 1)) {
    if (output[at] === READY_FOR_QUERY && at + 5 < output.length) status = output[at + 5]!;
  }
  return status;
}

/** Serves `db` on host:port until `close()`, which also ends the open connections. */
export async function servePglite(
  db: PGlite,
  host: string,
  port: number,
): Promise<{ close: () => Promise<void> }> {
  await db.waitReady;
  const waiting: Connection[] = [];
  let owner: Connection | null = null;
  let running = false;

  const next = (): Connection | null => {
    if (owner) return owner.frames.length || owner.closed ? owner : null;
    return waiting.find((connection) => connection.frames.length > 0) ?? null;
  };

  async function pump(): Promise<void> {
    if (running) return;
    running = true;
    try {
      for (let connection = next(); connection; connection = next()) {
        if (connection.closed) {
          await release(connection);
          continue;
        }
        owner = connection;
        const frame = connection.frames.shift()!;
        try {
          const output = await db.runExclusive(() => db.execProtocolRaw(frame));
          if (!connection.closed) connection.socket.write(output);
          if (lastReadyStatus(output) === IDLE) owner = null;
        } catch {
          // PGlite itself failed on this message: drop the connection, keep serving the others.
          connection.closed = true;
          connection.socket.destroy();
        }
      }
    } finally {
      running = false;
    }
  }

  /**
   * A connection that left mid-sequence or mid-transaction: roll both back, as a server would. A
   * bare Sync would commit what a sequence had executed, so it first fails on purpose.
   */
  async function release(connection: Connection): Promise<void> {
    if (owner === connection) owner = null;
    await db
      .runExclusive(async () => {
        await db.execProtocolRaw(ABORT);
        await db.execProtocolRaw(SYNC);
      })
      .then(() => (db.isInTransaction() ? db.exec("ROLLBACK") : undefined))
      .catch(() => {});
  }

  const server = createServer((socket) => {
    socket.setNoDelay(true);
    const connection = new Connection(socket, () => void pump());
    waiting.push(connection);
    socket.on("data", (chunk) => connection.receive(chunk));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      connection.closed = true;
      waiting.splice(waiting.indexOf(connection), 1);
      if (owner === connection) void pump();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const connection of waiting) connection.socket.destroy();
      }),
  };
}
