import { describe, expect, it } from "vitest";
import { DIRECT_URL_VARIABLES, firstSet, POOLED_URL_VARIABLES } from "@/lib/database-urls";

const POOLED = "postgres://u:p@pooler.example.com:6543/db";
const DIRECT = "postgres://u:p@db.example.com:5432/db";

// What each Vercel Marketplace store sets (their docs, as lib/database-urls.ts cites them).
const STORES = {
  neon: { DATABASE_URL: POOLED, DATABASE_URL_UNPOOLED: DIRECT, POSTGRES_URL: POOLED },
  "prisma postgres": { DATABASE_URL: DIRECT, DATABASE_URL_POOLED: POOLED, POSTGRES_URL: DIRECT },
  supabase: { POSTGRES_URL: POOLED, POSTGRES_PRISMA_URL: POOLED, POSTGRES_URL_NON_POOLING: DIRECT },
  "plain DATABASE_URL": { DATABASE_URL: DIRECT },
};

describe("database URLs from a Vercel store's variables", () => {
  it.each(Object.entries(STORES))("%s: the app pools, migrations go direct", (name, env) => {
    const pooled = name === "plain DATABASE_URL" ? DIRECT : POOLED;
    expect(firstSet(env, POOLED_URL_VARIABLES)?.value).toBe(pooled);
    expect(firstSet(env, DIRECT_URL_VARIABLES)?.value).toBe(DIRECT);
  });

  it("ignores empty values and says which variable it took", () => {
    expect(
      firstSet({ DATABASE_URL_UNPOOLED: "", DATABASE_URL: DIRECT }, DIRECT_URL_VARIABLES),
    ).toEqual({ name: "DATABASE_URL", value: DIRECT });
    expect(firstSet({}, DIRECT_URL_VARIABLES)).toBeNull();
  });
});

describe("Supabase's sslmode=require", () => {
  it("keeps libpq's meaning (encrypt) for Supabase's hosts, and pg's (verify) elsewhere", () => {
    const supabase =
      "postgres://postgres.ref:pw@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?sslmode=require";
    expect(firstSet({ POSTGRES_URL: supabase }, POOLED_URL_VARIABLES)?.value).toBe(
      `${supabase}&uselibpqcompat=true`,
    );
    const neon = "postgres://u:p@ep-x-pooler.eu-central-1.aws.neon.tech/db?sslmode=require";
    expect(firstSet({ DATABASE_URL: neon }, POOLED_URL_VARIABLES)?.value).toBe(neon);
  });
});
