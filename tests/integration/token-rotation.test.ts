import { createHash, randomBytes } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getAccessToken, linkNewAccount } from "@/lib/auth/tokens";
import { HttpBrowser } from "../../scripts/lib/http-browser";
import {
  resetDatabase,
  setStoredExpiry,
  storedAccountOf,
  withDatabase,
} from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";

// LiveChat rotates refresh tokens only for public clients (the emulator's JavaScript app). The
// template is a server-side app, so its env insists on a secret; the emulator ignores it here.
vi.hoisted(() => {
  Object.assign(process.env, {
    LIVECHAT_CLIENT_ID: "javascript-app",
    LIVECHAT_CLIENT_SECRET: "ignored-for-public-clients",
    NEXTAUTH_SECRET: "test-only-auth-secret-0123456789abcdef",
  });
});

const EMAIL = "nora@acme.test";
const REDIRECT_URI = `${stack.appUrl}/rotation-test`;

/** Tokens for the JavaScript app through the code flow with PKCE (no secret). */
async function javascriptAppTokens() {
  const verifier = randomBytes(32).toString("base64url");
  const authorize = new URL(stack.emulatorUrl);
  authorize.search = new URLSearchParams({
    response_type: "code",
    client_id: "javascript-app",
    redirect_uri: REDIRECT_URI,
    state: "rotation",
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }).toString();
  const callback = new URL(await new HttpBrowser().approve(authorize.toString(), EMAIL));
  const response = await fetch(`${stack.emulatorUrl}/v2/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      grant_type: "authorization_code",
      code: callback.searchParams.get("code"),
      client_id: "javascript-app",
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    }),
  });
  return (await response.json()) as {
    access_token: string;
    refresh_token: string;
    account_id: string;
    organization_id: string;
    expires_in: number;
    scope: string;
  };
}

describe("refresh token rotation (public client)", () => {
  let userId: string;
  let first: Awaited<ReturnType<typeof javascriptAppTokens>>;

  beforeAll(async () => {
    await emulator.reset();
  });

  beforeEach(async () => {
    await resetDatabase(stack.databaseUrl);
    first = await javascriptAppTokens();
    userId = await withDatabase(
      stack.databaseUrl,
      async (db) =>
        (
          await db.query(
            `INSERT INTO "User" (id, email) VALUES ('rotation-user', $1) RETURNING id`,
            [EMAIL],
          )
        ).rows[0].id as string,
    );
    await linkNewAccount(userId, {
      accountId: first.account_id,
      organizationId: first.organization_id,
      accessToken: first.access_token,
      refreshToken: first.refresh_token,
      expiresAt: new Date(Date.now() + first.expires_in * 1000),
      scope: first.scope,
      tokenType: "Bearer",
    });
  });

  it("stores the new refresh token of each refresh; the old one is dead and never used again", async () => {
    const stored = await storedAccountOf(stack.databaseUrl, EMAIL);
    await setStoredExpiry(stack.databaseUrl, stored.id, new Date(Date.now() - 1_000));
    await getAccessToken(userId);

    const afterFirst = await emulator.tokens(first.account_id);
    const rotated = afterFirst.map((t) => t.refresh_token).filter((t) => t !== first.refresh_token);
    expect(rotated.length).toBeGreaterThan(0);
    expect((await storedAccountOf(stack.databaseUrl, EMAIL)).refreshToken).not.toBe(
      stored.refreshToken,
    );

    // A second refresh only succeeds if the rotated token was stored: the first one is single-use.
    await setStoredExpiry(stack.databaseUrl, stored.id, new Date(Date.now() - 1_000));
    const grant = await getAccessToken(userId);
    expect(grant.accessToken).toMatch(/^dal:/);
    const oldReuse = await fetch(`${stack.emulatorUrl}/v2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: first.refresh_token,
        client_id: "javascript-app",
      }).toString(),
    });
    // A used refresh token is gone: the spec's 401 with the troubleshooting page's reason.
    expect(oldReuse.status).toBe(401);
    expect(await oldReuse.json()).toMatchObject({
      error: "unauthorized_client",
      error_description: "refresh token not found",
    });
  });
});
