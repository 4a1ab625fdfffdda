// Which connection string serves which purpose. The app's queries go through the pooled URL; the
// migrations (prisma.config.ts) through the direct one, because `prisma migrate` takes a
// session-level advisory lock that a transaction pooler (PgBouncer, Supavisor on 6543) breaks.
// Vercel's Marketplace Postgres stores name them differently, so each chain accepts all of them:
// Neon sets DATABASE_URL (pooled) and DATABASE_URL_UNPOOLED (direct); Prisma Postgres
// DATABASE_URL_POOLED (pooled) and DATABASE_URL (direct); Supabase and the former Vercel Postgres
// POSTGRES_PRISMA_URL / POSTGRES_URL (pooled) and POSTGRES_URL_NON_POOLING (direct or session).

/** The variables that may hold the app's (pooled) connection string, first set wins. */
export const POOLED_URL_VARIABLES = [
  "DATABASE_URL_POOLED",
  "DATABASE_URL",
  "POSTGRES_PRISMA_URL",
  "POSTGRES_URL",
] as const;

/** The variables that may hold the direct connection string for migrations, first set wins. */
export const DIRECT_URL_VARIABLES = [
  "DATABASE_URL_UNPOOLED",
  "POSTGRES_URL_NON_POOLING",
  "DATABASE_URL",
  "POSTGRES_URL",
] as const;

type Source = Record<string, string | undefined>;

/** The first of `names` set (non-empty) in `source`, with its name. */
export function firstSet(source: Source, names: readonly string[]) {
  for (const name of names) {
    const value = source[name];
    if (value) return { name, value: withLibpqSslMode(value) };
  }
  return null;
}

/**
 * Supabase's URLs carry `sslmode=require`, which means "encrypt, do not verify" to libpq (and to
 * Supabase) but "verify the certificate" to pg 8 (pg-connection-string), which then fails on
 * Supabase's own CA ("self-signed certificate in certificate chain"). For Supabase's hosts only,
 * ask pg for libpq's meaning; every other URL keeps pg's stricter one.
 */
export function withLibpqSslMode(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value;
  }
  const supabase = /(^|\.)supabase\.(co|com)$/.test(url.hostname);
  if (!supabase || url.searchParams.get("sslmode") !== "require") return value;
  if (url.searchParams.has("uselibpqcompat")) return value;
  url.searchParams.set("uselibpqcompat", "true");
  return url.toString();
}

/** `text` (an error's message) with every PostgreSQL connection string in it replaced. */
export const withoutConnectionStrings = (text: string, replacement: string) =>
  text.replace(/postgres(ql)?:\/\/\S+/g, replacement);
