import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { consoleEntries } from "../../../scripts/lib/setup/console-entries";
import { mergeEnvFile, parseEnvFile } from "../../../scripts/lib/setup/env-file";
import { applySetup, type SetupAnswers } from "../../../scripts/lib/setup/plan";
import {
  appUrlProblem,
  databaseUrlProblem,
  nameProblem,
  organizationIdProblem,
  packageNameOf,
} from "../../../scripts/lib/setup/validate";
import { setupProject } from "../../support/setup-project";

describe("the setup's checks", () => {
  it.each(["Agent Board for LiveChat", "Shift Planner for LiveChat", "QA for LiveChat"])(
    "accepts the name %s",
    (name) => expect(nameProblem(name)).toBeNull(),
  );

  it.each([
    ["LiveChat Agent Board", "never “LiveChat X”"],
    ["Agent Board", "ends in “for LiveChat”"],
    ["A Very Long Agent Board Name for LiveChat", "under 30 characters"],
    ["", "needs a name"],
  ])("refuses the name %j: %s", (name, why) => expect(nameProblem(name)).toContain(why));

  it("takes a UUID as organization id, nothing else", () => {
    expect(organizationIdProblem("6f1c2a9e-0d5b-4b7a-9c3e-1a2b3c4d5e01")).toBeNull();
    expect(organizationIdProblem("acme")).toContain("UUID");
  });

  it("takes an https origin as the app's URL (http only on localhost)", () => {
    expect(appUrlProblem("https://agents.example.com")).toBeNull();
    expect(appUrlProblem("http://localhost:3000")).toBeNull();
    expect(appUrlProblem("http://agents.example.com")).toContain("https");
    expect(appUrlProblem("https://agents.example.com/app")).toContain("origin only");
    expect(appUrlProblem("agents.example.com")).toContain("absolute URL");
  });

  it("takes a postgres connection string", () => {
    expect(databaseUrlProblem("postgresql://u:p@db:5432/app")).toBeNull();
    expect(databaseUrlProblem("mysql://db")).toContain("postgres://");
  });

  it("names the package after the app", () => {
    expect(packageNameOf("Shift Planner for LiveChat")).toBe("shift-planner-for-livechat");
  });
});

describe(".env.local", () => {
  it("keeps variables and comments it does not manage, replaces managed ones in place", () => {
    const before = "# mine\nMY_VAR=keep\nNEXTAUTH_SECRET=old\nLIVECHAT_CLIENT_ID=gone\n";
    const after = mergeEnvFile(before, {
      NEXTAUTH_SECRET: "new",
      LIVECHAT_CLIENT_ID: null,
      NEXTAUTH_URL: "https://a.example.com",
    });
    expect(after).toBe(
      "# mine\nMY_VAR=keep\nNEXTAUTH_SECRET=new\n\n# Written by npm run setup\nNEXTAUTH_URL=https://a.example.com\n",
    );
    expect(parseEnvFile(after)).toEqual({
      MY_VAR: "keep",
      NEXTAUTH_SECRET: "new",
      NEXTAUTH_URL: "https://a.example.com",
    });
  });

  it("quotes values that need it, and reads them back", () => {
    const text = mergeEnvFile("", { NOTE: 'a b "c"' });
    expect(parseEnvFile(text).NOTE).toBe('a b "c"');
  });
});

const REAL: SetupAnswers = {
  name: "Shift Planner for LiveChat",
  type: "private",
  organizationId: "6f1c2a9e-0d5b-4b7a-9c3e-1a2b3c4d5e01",
  credentials: { clientId: "client-1", clientSecret: "secret-1" },
  accountsUrl: null,
  apiUrl: null,
  appUrl: "https://shifts.example.com",
  database: "postgresql://u:p@db.example.com:5432/app",
};

describe("what the setup writes", () => {
  it("a configuration the app accepts, with fresh secrets, and the app's new name", () => {
    const dir = setupProject();
    writeFileSync(join(dir, ".env.local"), "MY_VAR=keep\n");
    applySetup(dir, REAL);
    const written = parseEnvFile(readFileSync(join(dir, ".env.local"), "utf8"));
    expect(written.MY_VAR).toBe("keep");
    const env = parseEnv({ ...written, NODE_ENV: "production" });
    expect(env.livechat).toMatchObject({
      clientId: "client-1",
      app: { type: "private", organizationId: REAL.organizationId },
    });
    expect(written.NEXTAUTH_SECRET!.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, "lib/brand.ts"), "utf8")).toContain(
      'export const APP_NAME = "Shift Planner for LiveChat";',
    );
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name).toBe(
      "shift-planner-for-livechat",
    );
  });

  it("a new key never orphans tokens stored under the old one: it becomes a previous key", () => {
    const dir = setupProject();
    applySetup(dir, REAL);
    const first = parseEnvFile(readFileSync(join(dir, ".env.local"), "utf8"));
    applySetup(dir, REAL);
    const second = parseEnvFile(readFileSync(join(dir, ".env.local"), "utf8"));
    expect(second.TOKEN_ENCRYPTION_KEY).not.toBe(first.TOKEN_ENCRYPTION_KEY);
    expect(second.NEXTAUTH_SECRET).not.toBe(first.NEXTAUTH_SECRET);
    expect(second.TOKEN_ENCRYPTION_PREVIOUS_KEYS).toBe(first.TOKEN_ENCRYPTION_KEY);
    // The webhook URL entered in the Developer Console stays valid.
    expect(second.LIVECHAT_WEBHOOK_SECRET).toBe(first.LIVECHAT_WEBHOOK_SECRET);
    expect(() => parseEnv(second)).not.toThrow();
  });

  it("for the emulator: no LiveChat credentials (and removes old ones), the embedded database", () => {
    const dir = setupProject();
    writeFileSync(
      join(dir, ".env.local"),
      "LIVECHAT_CLIENT_ID=old\nLIVECHAT_CLIENT_SECRET=old\nDATABASE_URL=postgresql://x@h/db\n",
    );
    applySetup(dir, { ...REAL, type: "public", credentials: null, database: "embedded" });
    const written = parseEnvFile(readFileSync(join(dir, ".env.local"), "utf8"));
    expect(written).not.toHaveProperty("LIVECHAT_CLIENT_ID");
    expect(written).not.toHaveProperty("LIVECHAT_CLIENT_SECRET");
    expect(written).not.toHaveProperty("DATABASE_URL");
    expect(written).not.toHaveProperty("LIVECHAT_ORGANIZATION_ID");
    expect(parseEnv(written).emulator).toBe(true);
  });
});

describe("what to enter in the Developer Console", () => {
  it("the scopes the app it configured asks for", () => {
    const dir = setupProject();
    const printed = applySetup(dir, REAL).find((line) => line.includes("Access scopes:"));
    const written = parseEnvFile(readFileSync(join(dir, ".env.local"), "utf8"));
    const asked = parseEnv({ ...written, NODE_ENV: "production" }).livechat.scopes;
    expect(asked.length).toBeGreaterThan(1);
    expect(printed).toBe(`  Authorization > Access scopes: ${asked.join(", ")}`);
  });

  it("exact redirect URIs, the install URL, the webhook URL with its secret, three widgets", () => {
    const entries = consoleEntries({
      appUrl: "https://a.example.com",
      type: "public",
      scopes: ["accounts--my:ro"],
      webhookSecret: "s3cret",
    });
    expect(entries.redirectUris).toEqual([
      "https://a.example.com/api/auth/callback/livechat",
      "https://a.example.com/install",
      "https://a.example.com/widgets/sign-in",
    ]);
    expect(entries.directInstallationUrl).toBe("https://a.example.com/install");
    expect(entries.webhookUrl).toBe("https://a.example.com/api/livechat/webhooks?secret=s3cret");
    expect(entries.widgets.map((w) => w.placement)).toEqual([
      "Fullscreen",
      "Chat details",
      "App settings",
    ]);
  });
});
