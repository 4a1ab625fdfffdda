import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import * as prompts from "@clack/prompts";
import pg from "pg";
import { APP_NAME } from "../lib/brand";
import { withoutConnectionStrings } from "../lib/database-urls";
import { LIVECHAT_SERVERS } from "../lib/defaults";
import { checkCredentials } from "./lib/setup/credentials";
import { parseEnvFile } from "./lib/setup/env-file";
import { applySetup, ENV_FILE, type SetupAnswers } from "./lib/setup/plan";
import {
  appUrlProblem,
  databaseUrlProblem,
  nameProblem,
  organizationIdProblem,
  originOf,
} from "./lib/setup/validate";

// `npm run setup`: from a clone to a configured app. Interactive by default; `--yes` (or no
// terminal) takes everything from flags and the environment, where secrets belong so that they
// stay out of shell history (LIVECHAT_CLIENT_ID, LIVECHAT_CLIENT_SECRET, DATABASE_URL). Bad input
// gets one line and a second chance, or exit status 2 without a terminal; nothing is written
// until every answer has passed, real credentials included (checked against LiveChat).

const USAGE = `npm run setup [-- --yes --name "X for LiveChat" --type public|private
  --organization-id UUID --client-id ID --client-secret SECRET --app-url https://...
  --database-url postgresql://... --accounts-url URL --api-url URL --force --dir DIR]`;

const { values: flags } = parseArgs({
  options: {
    yes: { type: "boolean", short: "y" },
    force: { type: "boolean" },
    name: { type: "string" },
    type: { type: "string" },
    "organization-id": { type: "string" },
    "client-id": { type: "string" },
    "client-secret": { type: "string" },
    "app-url": { type: "string" },
    "database-url": { type: "string" },
    "accounts-url": { type: "string" },
    "api-url": { type: "string" },
    dir: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  strict: true,
});

const interactive = !flags.yes && process.stdin.isTTY === true;
const dir = flags.dir ?? process.cwd();
// As in the app's lib/env.ts, a variable set to "" counts as unset.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([, value]) => value !== ""),
) as NodeJS.ProcessEnv;

/** Non-interactively: one line, exit 2, nothing written. */
function refuse(message: string): never {
  console.error(`npm run setup: ${message}`);
  process.exit(2);
}

function cancelled(value: unknown): asserts value is string | boolean {
  if (prompts.isCancel(value)) {
    prompts.cancel("Nothing was written.");
    process.exit(1);
  }
}

async function databaseAnswers(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `The database does not answer (${withoutConnectionStrings(reason, "its URL")}).`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ask(question: {
  message: string;
  initial?: string;
  placeholder?: string;
  secret?: boolean;
  problem: (value: string) => string | null;
}): Promise<string> {
  const value = question.secret
    ? await prompts.password({
        message: question.message,
        validate: (v) => question.problem(v ?? "") ?? undefined,
      })
    : await prompts.text({
        message: question.message,
        initialValue: question.initial,
        placeholder: question.placeholder,
        validate: (v) => question.problem(v ?? "") ?? undefined,
      });
  cancelled(value);
  return String(value).trim();
}

/** A flag's value, checked; interactively asked when missing or wrong. */
async function answer(
  given: string | undefined,
  fallback: string | undefined,
  question: Parameters<typeof ask>[0],
): Promise<string> {
  if (given !== undefined) {
    const problem = question.problem(given);
    if (!problem) return given.trim();
    if (!interactive) refuse(problem);
    prompts.log.warn(problem);
  } else if (!interactive) {
    if (fallback !== undefined) return fallback;
    refuse(`${question.message} (missing; see --help)`);
  }
  return ask({ ...question, initial: given ?? fallback ?? question.initial });
}

async function main(): Promise<void> {
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  if (interactive) prompts.intro("Set up your LiveChat app");

  const envPath = join(dir, ENV_FILE);
  // A second run changes what it is told to and keeps the rest (credentials, URL, app type).
  const previous = existsSync(envPath) ? parseEnvFile(readFileSync(envPath, "utf8")) : {};
  if (existsSync(envPath) && !flags.force) {
    if (!interactive)
      refuse(
        `${ENV_FILE} exists; pass --force to update it (variables it does not manage are kept).`,
      );
    const update = await prompts.confirm({
      message: `${ENV_FILE} exists. Update it? (Variables the setup does not manage are kept.)`,
      initialValue: false,
    });
    cancelled(update);
    if (!update) {
      prompts.cancel("Nothing was written.");
      return;
    }
  }

  const name = await answer(flags.name, APP_NAME, {
    message: "The app's name (“X for LiveChat”, under 30 characters)",
    problem: nameProblem,
  });

  let type = flags.type ?? previous.LIVECHAT_APP_TYPE;
  if (type !== undefined && type !== "public" && type !== "private") {
    if (!interactive) refuse(`--type must be public or private, not “${type}”.`);
    type = undefined;
  }
  if (type === undefined) {
    if (!interactive) type = "public";
    else {
      const chosen = await prompts.select({
        message: "Who may install it?",
        options: [
          { value: "public", label: "Public", hint: "any organization, from the Marketplace" },
          { value: "private", label: "Private", hint: "your organization only" },
        ],
      });
      cancelled(chosen);
      type = String(chosen);
    }
  }

  const clientIdGiven = flags["client-id"] ?? env.LIVECHAT_CLIENT_ID ?? previous.LIVECHAT_CLIENT_ID;
  let useEmulator = !clientIdGiven;
  if (interactive && !clientIdGiven) {
    const chosen = await prompts.select({
      message: "LiveChat",
      options: [
        { value: "emulator", label: "The bundled emulator", hint: "no LiveChat account needed" },
        { value: "real", label: "My app's credentials", hint: "Developer Console > Authorization" },
      ],
    });
    cancelled(chosen);
    useEmulator = chosen === "emulator";
  }

  const organizationId =
    type === "private" && (!useEmulator || flags["organization-id"] !== undefined)
      ? await answer(
          flags["organization-id"] ??
            env.LIVECHAT_ORGANIZATION_ID ??
            previous.LIVECHAT_ORGANIZATION_ID,
          undefined,
          {
            message: "Your organization's id (organization_id)",
            problem: organizationIdProblem,
          },
        )
      : null;

  const accountsUrl = flags["accounts-url"] ?? previous.LIVECHAT_ACCOUNTS_URL ?? null;
  let credentials: SetupAnswers["credentials"] = null;
  // Given by a flag, the environment or the previous .env.local: used once; after LiveChat
  // refuses them, both are asked for (the refused client id offered again).
  let idGiven = clientIdGiven;
  let idOffered: string | undefined;
  let secretGiven =
    flags["client-secret"] ?? env.LIVECHAT_CLIENT_SECRET ?? previous.LIVECHAT_CLIENT_SECRET;
  while (!useEmulator && !credentials) {
    const clientId = await answer(idGiven, idOffered, {
      message: "Client Id",
      problem: (v) => (v.trim() ? null : "The Client Id is on your app's Authorization page."),
    });
    const clientSecret = await answer(secretGiven, undefined, {
      message: "Client Secret",
      secret: true,
      problem: (v) => (v.trim() ? null : "The Client Secret was shown once when you created it."),
    });
    const check = await checkCredentials({
      accountsUrl: accountsUrl ?? LIVECHAT_SERVERS.accountsUrl,
      clientId,
      clientSecret,
    });
    if (check.kind === "accepted") credentials = { clientId, clientSecret };
    else if (!interactive) refuse(`${check.reason}; nothing was written.`);
    else {
      prompts.log.error(`${check.reason}. Enter them again.`);
      [idGiven, idOffered, secretGiven] = [undefined, clientId, undefined];
    }
  }

  const appUrl = originOf(
    await answer(flags["app-url"], previous.NEXTAUTH_URL ?? "http://localhost:3000", {
      message: "The app's public URL",
      initial: "http://localhost:3000",
      problem: appUrlProblem,
    }),
  );

  let database: SetupAnswers["database"] = null;
  let candidate = flags["database-url"] ?? env.DATABASE_URL;
  for (;;) {
    if (candidate === undefined && interactive) {
      const chosen = await prompts.text({
        message: "PostgreSQL connection string (empty: the embedded database of npm run dev)",
        placeholder: "postgresql://user:password@host:5432/db",
        validate: (v) => (v ? (databaseUrlProblem(v) ?? undefined) : undefined),
      });
      cancelled(chosen);
      candidate = String(chosen).trim() || "embedded";
    }
    if (candidate === undefined || candidate === "embedded") {
      database = candidate === "embedded" ? "embedded" : null;
      break;
    }
    const problem = databaseUrlProblem(candidate) ?? (await databaseAnswers(candidate));
    if (!problem) {
      database = candidate;
      break;
    }
    if (!interactive) refuse(problem);
    prompts.log.error(`${problem} Enter another one.`);
    candidate = undefined;
  }

  const lines = applySetup(dir, {
    name,
    type: type as "public" | "private",
    organizationId,
    credentials,
    accountsUrl,
    apiUrl: flags["api-url"] ?? previous.LIVECHAT_API_URL ?? null,
    appUrl,
    database,
  });
  if (interactive) {
    prompts.note(lines.slice(2, -2).join("\n"), "Developer Console");
    prompts.outro(`${lines[0]} Next: npm run dev`);
  } else console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  console.error(`npm run setup: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
