import "dotenv/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";
import { DIRECT_URL_VARIABLES, firstSet } from "./lib/database-urls";
import { EMBEDDED_DATABASE_URL } from "./lib/defaults";

// @prisma/adapter-pg 6.19 cannot deserialize the catalog types `name` and `"char"` that the
// migration engine reads (prisma/orm#27403). For the CLI only, report them as text.
const CATALOG_TO_TEXT: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };

function reportCatalogTypesAsText(result: pg.QueryResult | pg.QueryResult[]) {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of one.fields ?? []) {
      field.dataTypeID = CATALOG_TO_TEXT[field.dataTypeID] ?? field.dataTypeID;
    }
  }
  return result;
}

class CatalogAsTextClient extends pg.Client {
  // @ts-expect-error -- pg's overloads; the pool calls the callback form, the adapter the promise form.
  query(...args: unknown[]) {
    const callback =
      typeof args.at(-1) === "function" ? (args.pop() as (e: unknown, r?: unknown) => void) : null;
    const result = (super.query as (...a: unknown[]) => Promise<pg.QueryResult>)(...args).then(
      reportCatalogTypesAsText,
    );
    if (!callback) return result;
    result.then(
      (value) => callback(null, value),
      (error: unknown) => callback(error),
    );
  }
}

// The schema's env("DATABASE_URL") must resolve even for `prisma generate`, or the CLI tries to
// download a query engine; default to the embedded database that `npm run dev` serves.
const directUrl = firstSet(process.env, DIRECT_URL_VARIABLES)?.value ?? EMBEDDED_DATABASE_URL;
process.env.DATABASE_URL ??= directUrl;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    new PrismaPg(
      new pg.Pool({
        // Migrations take an advisory lock: the direct URL, never a transaction pooler's.
        connectionString: directUrl,
        Client: CatalogAsTextClient as unknown as typeof pg.Client,
      }),
    ),
});
