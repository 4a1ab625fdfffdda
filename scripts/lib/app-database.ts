import pg from "pg";

/** Raw SQL on the app's database: tests read what was really stored, not what Prisma maps. */
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

export const TABLES = ["Session", "Account", "User", "Organization", "VerificationToken"] as const;

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
