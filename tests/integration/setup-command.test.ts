import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SEEDED } from "@/emulator/fixtures";
import { parseEnvFile } from "../../scripts/lib/setup/env-file";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { recreateDatabase } from "../../scripts/lib/postgres";
import { signInOverHttp } from "../../scripts/lib/sign-in-over-http";
import { stack } from "../../scripts/lib/stack-env";
import { setupProject } from "../support/setup-project";

// `npm run setup -- --yes ...` as a new developer would run it with real credentials, against the
// emulator standing in for LiveChat: then the app is started with nothing but the .env.local it
// wrote, and a user signs in. Port 3103 is on the emulator's redirect whitelist.

const APP_URL = "http://localhost:3103";

async function freshDatabase(name: string) {
  const admin = Object.assign(new URL(stack.databaseUrl), { pathname: "/postgres" }).toString();
  await recreateDatabase(admin, name);
  const url = Object.assign(new URL(stack.databaseUrl), { pathname: `/${name}` }).toString();
  await migrateDeploy(url);
  return url;
}

function setup(dir: string, args: string[], secret: string) {
  return spawnSync(
    "npx",
    [
      "tsx",
      "scripts/setup.ts",
      "--yes",
      "--dir",
      dir,
      ...args,
      "--accounts-url",
      stack.emulatorUrl,
      "--api-url",
      stack.emulatorUrl,
    ],
    {
      // The secret comes from the environment, never the command line.
      env: { ...process.env, DATABASE_URL: "", LIVECHAT_CLIENT_SECRET: secret },
      encoding: "utf8",
    },
  );
}

let server: ChildProcess | null = null;

/** `next start` of the suite's build on APP_URL with `env` only, once it answers. */
async function startApp(env: Record<string, string>) {
  const only: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    ...env,
  };
  server = spawn("npx", ["next", "start", "--port", new URL(APP_URL).port], {
    env: only as NodeJS.ProcessEnv,
    stdio: "ignore",
    detached: true,
  });
  await vi.waitFor(
    async () => {
      if (server?.exitCode !== null) throw new Error(`next start exited ${server?.exitCode}`);
      expect((await fetch(`${APP_URL}/api/auth/providers`)).status).toBe(200);
    },
    { timeout: 30_000, interval: 200 },
  );
}

describe("npm run setup, then npm start", () => {
  afterEach(async () => {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    process.kill(-server.pid!, "SIGTERM");
    await exited;
    server = null;
  });

  it.each([
    [
      "a public app",
      ["--type", "public", "--client-id", "marketplace-app"],
      "marketplace-app-secret",
    ],
    [
      "a private app of one organization",
      [
        "--type",
        "private",
        "--organization-id",
        SEEDED.organizations.acme,
        "--client-id",
        "private-app",
      ],
      "private-app-secret",
    ],
  ])(
    "%s: the written .env.local is all the app needs to sign a user in",
    async (_, args, secret) => {
      const dir = setupProject();
      const databaseUrl = await freshDatabase("app_setup");
      const run = setup(
        dir,
        [
          "--name",
          "Shift Planner for LiveChat",
          "--app-url",
          APP_URL,
          "--database-url",
          databaseUrl,
          ...args,
        ],
        secret,
      );
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`${APP_URL}/api/auth/callback/livechat`);
      expect(run.stdout).toContain("Next: npm run dev");
      expect(run.stdout).not.toContain(secret);

      const written = parseEnvFile(readFileSync(join(dir, ".env.local"), "utf8"));
      await startApp({ ...written, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
      const { browser } = await signInOverHttp(APP_URL, "alice@acme.test");
      const dashboard = await browser.fetch(`${APP_URL}/dashboard`);
      expect(dashboard.status).toBe(200);
      expect(await dashboard.text()).toContain("Alice Archer");
    },
    90_000,
  );

  it("run again with only --force and a new name, it keeps the credentials and LiveChat's URLs", () => {
    const dir = setupProject();
    const first = setup(dir, ["--client-id", "marketplace-app"], "marketplace-app-secret");
    expect(first.status).toBe(0);
    const before = parseEnvFile(readFileSync(join(dir, ".env.local"), "utf8"));

    // Nothing from the environment either: what it keeps comes from the first run's file.
    const rest = { ...process.env };
    for (const name of ["LIVECHAT_CLIENT_ID", "LIVECHAT_CLIENT_SECRET", "DATABASE_URL"])
      delete rest[name];
    const again = spawnSync(
      "npx",
      ["tsx", "scripts/setup.ts", "--yes", "--force", "--dir", dir, "--name", "Rota for LiveChat"],
      { env: rest, encoding: "utf8" },
    );
    expect(again.stderr).toBe("");
    expect(again.status).toBe(0);
    const after = parseEnvFile(readFileSync(join(dir, ".env.local"), "utf8"));
    for (const kept of [
      "LIVECHAT_CLIENT_ID",
      "LIVECHAT_CLIENT_SECRET",
      "LIVECHAT_ACCOUNTS_URL",
      "LIVECHAT_API_URL",
    ]) {
      expect(after[kept], kept).toBe(before[kept]);
    }
    expect(after.LIVECHAT_ACCOUNTS_URL).toBe(stack.emulatorUrl);
    expect(readFileSync(join(dir, "lib/brand.ts"), "utf8")).toContain("Rota for LiveChat");
  });

  it("a wrong client secret is reported and nothing is written", () => {
    const dir = setupProject();
    const run = setup(dir, ["--client-id", "marketplace-app"], "not-the-secret");
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      "npm run setup: LiveChat does not accept this client id and secret; nothing was written.",
    );
    expect(existsSync(join(dir, ".env.local"))).toBe(false);
    expect(readFileSync(join(dir, "lib/brand.ts"), "utf8")).toBe(
      readFileSync("lib/brand.ts", "utf8"),
    );
  });
});
