import pg from "pg";

// Raw SQL on the app's database, for the suites and the benchmark: they read what was really
// stored, not what Prisma maps.

/** Runs `query` on a connection of its own to `url`, closed afterwards. */
export async function withDatabase<T>(
  url: string,
  query: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await query(client);
  } finally {
    await client.end();
  }
}

export const TABLES = [
  "Session",
  "Account",
  "User",
  "Organization",
  "VerificationToken",
  "ProcessedWebhook",
] as const;

/** What rowCounts() reads from a database nothing was written to: every table, spelled out. */
export const NO_ROWS = {
  Session: 0,
  Account: 0,
  User: 0,
  Organization: 0,
  VerificationToken: 0,
  ProcessedWebhook: 0,
} as const;

export async function resetDatabase(url: string): Promise<void> {
  await withDatabase(url, (client) =>
    client.query(`TRUNCATE ${TABLES.map((t) => `"${t}"`).join(", ")} CASCADE`),
  );
}

/** Row counts of every table, to prove that a refused request wrote nothing. */
export async function rowCounts(url: string): Promise<Record<string, number>> {
  return withDatabase(url, async (client) => {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
      counts[table] = Number(rows[0]!.n);
    }
    return counts;
  });
}

/** The app's user and account rows for a LiveChat email, read with plain SQL. */
export async function storedAccountOf(databaseUrl: string, email: string) {
  return withDatabase(databaseUrl, async (db) => {
    const { rows } = await db.query(
      `SELECT a.*, u.id AS user_id FROM "Account" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1`,
      [email],
    );
    if (!rows[0]) throw new Error(`no stored account for ${email}`);
    return rows[0] as {
      user_id: string;
      id: string;
      accessToken: string | null;
      refreshToken: string | null;
      tokenVersion: number;
      accessTokenExpiresAt: Date | null;
    };
  });
}

/** Moves the stored expiry (not a token column): the app then believes its token is this close to expiry. */
export async function setStoredExpiry(databaseUrl: string, accountRowId: string, expiresAt: Date) {
  await withDatabase(databaseUrl, (db) =>
    db.query(`UPDATE "Account" SET "accessTokenExpiresAt" = $2 WHERE id = $1`, [
      accountRowId,
      expiresAt,
    ]),
  );
}

/** The region the app remembers for an organization (`Organization.region`), if it has a row. */
export async function storedRegionOf(databaseUrl: string, organizationId: string) {
  return withDatabase(databaseUrl, async (db) => {
    const { rows } = await db.query(`SELECT region FROM "Organization" WHERE id = $1`, [
      organizationId,
    ]);
    return (rows[0] as { region: string } | undefined)?.region;
  });
}
