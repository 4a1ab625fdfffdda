import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

// A configuration lib/env.ts refuses stops the production server at start: one line naming the
// variable, exit status 1, nothing served (instrumentation.ts). Runs `next start` on the suite's
// build with each configuration; the port is never answered because the process is gone first.

const BASE: Record<string, string> = {
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "",
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
};

function startWith(env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn("npx", ["next", "start", "--port", "3190"], {
      env: { ...BASE, ...env } as NodeJS.ProcessEnv,
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

const refusedLine = (output: string) =>
  output.split("\n").filter((line) => line.startsWith("Invalid environment:"));

describe("an unsafe configuration stops the server at start", () => {
  it("production without LiveChat credentials and without the demo switch", async () => {
    const { code, output } = await startWith({});
    expect(code).toBe(1);
    expect(refusedLine(output)).toEqual([
      "Invalid environment: LIVECHAT_CLIENT_ID is required in production (or set LIVECHAT_EMULATOR_DEMO=1 for a demo against the bundled emulator). See .env.example.",
    ]);
    expect(output).not.toMatch(/^\s+at /m);
  }, 30_000);

  it("a real LiveChat app whose public URL is plain http", async () => {
    const { code, output } = await startWith({
      LIVECHAT_CLIENT_ID: "client",
      LIVECHAT_CLIENT_SECRET: "client-secret",
      NEXTAUTH_SECRET: "s".repeat(32),
      TOKEN_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 3).toString("base64")}`,
      LIVECHAT_WEBHOOK_SECRET: "w".repeat(24),
      NEXTAUTH_URL: "http://agents.example.com",
    });
    expect(code).toBe(1);
    expect(refusedLine(output)).toHaveLength(1);
    expect(refusedLine(output)[0]).toContain("NEXTAUTH_URL must be an https:// URL");
    // The secrets it was given appear nowhere.
    expect(output).not.toContain("client-secret");
    expect(output).not.toContain("s".repeat(32));
  }, 30_000);
});
