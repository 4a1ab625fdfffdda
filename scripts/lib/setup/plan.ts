import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateKeySpec } from "../../../lib/auth/tokens/crypto";
import { DEFAULT_SCOPES, EMULATOR_CLIENTS } from "../../../lib/defaults";
import { consoleEntries, describeConsoleEntries } from "./console-entries";
import { mergeEnvFile, parseEnvFile } from "./env-file";
import { packageNameOf } from "./validate";

// What `npm run setup` writes, once every answer has passed its check: `.env.local` (managed
// variables only), the app's name in lib/brand.ts (the one place the code takes it from) and
// package.json. Pure of prompts, so that tests run it on a temporary directory.

export interface SetupAnswers {
  name: string;
  type: "public" | "private";
  /** Private apps: the organization served (the emulator's Acme Support by default). */
  organizationId: string | null;
  /** Real LiveChat credentials, or null for the bundled emulator. */
  credentials: { clientId: string; clientSecret: string } | null;
  /** Only to point at another accounts server (staging, or the emulator in tests). */
  accountsUrl: string | null;
  apiUrl: string | null;
  appUrl: string;
  /** A connection string; "embedded" for PGlite (removes DATABASE_URL); null leaves it as it is. */
  database: string | "embedded" | null;
}

export const ENV_FILE = ".env.local";

/** The variables the setup manages, fresh secrets included (null removes a variable). */
function managedVariables(answers: SetupAnswers, existing: Record<string, string>) {
  const key = generateKeySpec();
  // A new key must not orphan tokens stored under the old one: it becomes a previous key.
  const oldKey = existing.TOKEN_ENCRYPTION_KEY;
  const previous = [oldKey, ...(existing.TOKEN_ENCRYPTION_PREVIOUS_KEYS ?? "").split(",")]
    .map((value) => value?.trim())
    .filter((value): value is string => !!value);
  const organizationId =
    answers.type === "private"
      ? (answers.organizationId ?? EMULATOR_CLIENTS.private.organizationId)
      : null;
  return {
    LIVECHAT_CLIENT_ID: answers.credentials?.clientId ?? null,
    LIVECHAT_CLIENT_SECRET: answers.credentials?.clientSecret ?? null,
    LIVECHAT_APP_TYPE: answers.type,
    LIVECHAT_ORGANIZATION_ID: organizationId,
    LIVECHAT_ACCOUNTS_URL: answers.accountsUrl,
    LIVECHAT_API_URL: answers.apiUrl,
    // Kept when there is one: the webhook URL in the Developer Console carries it.
    LIVECHAT_WEBHOOK_SECRET: existing.LIVECHAT_WEBHOOK_SECRET || randomBytes(24).toString("hex"),
    NEXTAUTH_URL: answers.appUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    TOKEN_ENCRYPTION_KEY: key,
    TOKEN_ENCRYPTION_PREVIOUS_KEYS: previous.length ? previous.join(",") : null,
    ...(answers.database === null
      ? {}
      : { DATABASE_URL: answers.database === "embedded" ? null : answers.database }),
  } satisfies Record<string, string | null>;
}

const APP_NAME_LINE = /^export const APP_NAME = ".*";$/m;

/** Writes the setup into `dir`; returns the lines to print. */
export function applySetup(dir: string, answers: SetupAnswers): string[] {
  const envPath = join(dir, ENV_FILE);
  const before = existsSync(envPath) ? readFileSync(envPath, "utf8") : "";
  const variables = managedVariables(answers, parseEnvFile(before));

  const brandPath = join(dir, "lib/brand.ts");
  const brand = readFileSync(brandPath, "utf8");
  if (!APP_NAME_LINE.test(brand)) throw new Error(`lib/brand.ts has no APP_NAME line to rename`);
  const packagePath = join(dir, "package.json");
  const pkg = JSON.parse(readFileSync(packagePath, "utf8")) as Record<string, unknown>;

  writeFileSync(envPath, mergeEnvFile(before, variables), { mode: 0o600 });
  writeFileSync(
    brandPath,
    brand.replace(APP_NAME_LINE, `export const APP_NAME = ${JSON.stringify(answers.name)};`),
  );
  writeFileSync(
    packagePath,
    `${JSON.stringify({ ...pkg, name: packageNameOf(answers.name) }, null, 2)}\n`,
  );

  const entries = consoleEntries({
    appUrl: answers.appUrl,
    type: answers.type,
    scopes: [...DEFAULT_SCOPES],
    webhookSecret: variables.LIVECHAT_WEBHOOK_SECRET,
  });
  return [
    `Wrote ${ENV_FILE} (${answers.credentials ? "real LiveChat" : "the bundled emulator"}, ${answers.type} app), and named the app “${answers.name}” (lib/brand.ts, package.json).`,
    "",
    ...describeConsoleEntries(entries),
    "",
    "Next: npm run dev",
  ];
}
