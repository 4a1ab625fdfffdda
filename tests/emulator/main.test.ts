import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// `npm run emulator`: reads its settings from the environment, prints the fixtures, stops on a signal.

// Starting tsx in a child process is slow on a busy machine.
const SPAWN_TIMEOUT_MS = 20_000;

const root = fileURLToPath(new URL("../../", import.meta.url));

function run(env: Record<string, string>): {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
} {
  const child = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function waitFor(
  predicate: () => boolean,
  child: ChildProcessWithoutNullStreams,
): Promise<void> {
  while (!predicate()) {
    if (child.exitCode !== null) throw new Error("The emulator exited early");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("emulator/main.ts", () => {
  it(
    "listens where the environment says, prints clients and accounts, and stops on SIGTERM",
    async () => {
      const { child, output } = run({
        EMULATOR_PORT: "0",
        EMULATOR_REDIRECT_URIS: "http://localhost:5999/cb, http://localhost:6000",
        EMULATOR_WIDGET_DETAILS_URL: "http://localhost:5999/my-details",
      });
      await waitFor(() => output().includes("Test controls"), child);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output())?.[1];
      expect(url).toBeDefined();
      expect(output()).toMatch(/marketplace-app\s+marketplace-app-secret/);
      expect(output()).toMatch(/javascript-app\s+\(none: PKCE\)/);
      expect(output()).toContain("alice@acme.test");
      expect(output()).toContain("Globex Europe");
      expect(output()).toContain(`Agent App (imitated) on ${url}/agent-app`);
      expect(output()).toMatch(/details\s+http:\/\/localhost:5999\/my-details/);
      expect(output()).toMatch(/fullscreen\s+http:\/\/localhost:3000\/widgets\/fullscreen/);
      const agentApp = await (await fetch(`${url}/agent-app/chats`)).text();
      expect(agentApp).toContain('"url":"http://localhost:5999/my-details"');
      const fixtures = (await (await fetch(`${url}/_emulator/fixtures`)).json()) as {
        clients: { redirect_uris: string[] }[];
      };
      expect(fixtures.clients[0]?.redirect_uris).toEqual(
        expect.arrayContaining(["http://localhost:5999/cb", "http://localhost:6000"]),
      );

      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    "refuses an invalid environment with a clear message",
    async () => {
      const { child, output } = run({
        EMULATOR_PORT: "not-a-port",
        EMULATOR_WIDGET_SETTINGS_URL: "not a url",
      });
      const [code] = await once(child, "exit");
      expect(code).toBe(1);
      expect(output()).toContain("EMULATOR_PORT");
      expect(output()).toContain("EMULATOR_WIDGET_SETTINGS_URL");
    },
    SPAWN_TIMEOUT_MS,
  );
});
