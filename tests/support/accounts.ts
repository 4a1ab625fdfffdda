import { withDatabase } from "./database";

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
