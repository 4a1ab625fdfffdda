import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProcess, stopAll } from "../../scripts/lib/processes";
import { appEnv } from "../../scripts/lib/stack";
import { stack } from "../../scripts/lib/stack-env";

// Nothing listens on port 1: the database is "down" from the first query on.
const NO_DATABASE_URL = "postgres://app@127.0.0.1:1/app";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("GET /api/health", () => {
  it("is 200 with every part ok when the database answers and the configuration is valid", async () => {
    for (const app of [stack.appUrl, stack.privateAppUrl]) {
      const response = await fetch(`${app}/api/health`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ status: "ok", database: "ok", livechat: "ok" });
    }
  });

  describe("with the database down", () => {
    let appUrl: string;

    beforeAll(async () => {
      appUrl = `http://localhost:${await freePort()}`;
      await startProcess(
        "app-no-database",
        ["npx", "next", "start", "--port", new URL(appUrl).port],
        {
          env: {
            ...appEnv("public", NO_DATABASE_URL, stack.tokenEncryptionKey),
            NEXTAUTH_URL: appUrl,
          },
          readyUrl: `${appUrl}/api/auth/providers`,
          output: "log-file",
        },
      );
    });
    afterAll(stopAll);

    it("is 503 naming the database, and tells nothing an attacker could use", async () => {
      const response = await fetch(`${appUrl}/api/health`);
      expect(response.status).toBe(503);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        status: "error",
        database: "unreachable",
        livechat: "ok",
      });
      for (const leak of ["postgres", "127.0.0.1", "ECONNREFUSED", "Error", "    at "])
        expect(text).not.toContain(leak);
    });
  });
});
