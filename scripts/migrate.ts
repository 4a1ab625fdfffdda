import nextEnv from "@next/env";
import { DIRECT_URL_VARIABLES, firstSet, withoutConnectionStrings } from "../lib/database-urls";
import { EnvError, parseEnv } from "../lib/env";
import { migrateDeploy } from "./lib/migrate";

// `npm run db:migrate`: applies prisma/migrations to the database through its direct connection
// string (lib/database-urls.ts says which variables may hold it and why not the pooled one).
// Vercel runs it before every build (`vercel-build` in package.json), so a new version never
// serves traffic on an old schema.

// What the app would read: .env.local and friends, as `next` and `npm run dev` load them.
nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

async function main() {
  // On Vercel, a configuration the server would refuse fails the build before the schema changes.
  if (process.env.VERCEL) parseEnv(process.env);
  // A Preview build often shares the production database (Supabase, Prisma Postgres, Neon
  // without branching): an unmerged branch's migration must not change it. Preview deployments
  // with a database of their own (Neon's preview branches) opt in.
  const environment = process.env.VERCEL_ENV;
  if (environment && environment !== "production" && process.env.MIGRATE_ON_PREVIEW !== "1") {
    console.log(
      `Not migrating: a ${environment} deployment (set MIGRATE_ON_PREVIEW=1 for one with its own database).`,
    );
    return;
  }
  const direct = firstSet(process.env, DIRECT_URL_VARIABLES);
  if (!direct) {
    console.error(
      `No database to migrate: set DATABASE_URL (or, from a Vercel Postgres store, one of ${DIRECT_URL_VARIABLES.join(", ")}).`,
    );
    process.exit(1);
  }
  console.log(`Applying migrations through ${direct.name} (the direct connection) ...`);
  await migrateDeploy(direct.value);
  console.log("Migrations applied.");
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  // Prisma's own message names the failed migration; never echo the connection string.
  const message = error instanceof Error ? error.message : String(error);
  console.error(withoutConnectionStrings(message, "postgres://[redacted]"));
  process.exit(1);
});
