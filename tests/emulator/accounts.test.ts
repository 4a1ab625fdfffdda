import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEEDED } from "@/emulator/fixtures";
import type { RunningEmulator } from "@/emulator/server";
import { HttpBrowser } from "../../scripts/lib/http-browser";
import {
  APP_CALLBACK,
  CLIENTS,
  authorizePath,
  codeOf,
  issueTokens,
  json,
  postToken,
  start,
  type TokenResponse,
} from "./helpers";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const get = (path: string, token: string) => fetch(`${emulator.url}${path}`, bearer(token));
const revoke = (token: string) =>
  fetch(`${emulator.url}/v2/token`, { method: "DELETE", ...bearer(token) });
const refresh = (token: string) =>
  postToken(emulator.url, {
    grant_type: "refresh_token",
    refresh_token: token,
    ...CLIENTS.marketplace,
  });

async function expectUnauthorized(response: Response) {
  expect(response.status).toBe(401);
  expect(await json(response)).toEqual({
    error: "unauthorized",
    error_description: expect.any(String),
  });
}

describe("GET /v2/info", () => {
  it("describes a token given as a Bearer header or ?code=", async () => {
    const tokens = await issueTokens(emulator.url);
    const body = await json(await get("/v2/info", tokens.access_token));
    expect(body).toEqual({
      access_token: tokens.access_token,
      account_id: SEEDED.accounts.alice,
      client_id: "marketplace-app",
      expires_in: expect.any(Number),
      organization_id: SEEDED.organizations.acme,
      scope: tokens.scope,
      token_type: "Bearer",
      refresh_token: tokens.refresh_token,
    });
    expect(body.expires_in).toBeGreaterThan(28_790);
    expect(body.expires_in).toBeLessThanOrEqual(28_800);
    const byQuery = await fetch(
      `${emulator.url}/v2/info?code=${encodeURIComponent(tokens.access_token)}`,
    );
    expect(byQuery.status).toBe(200);
  });

  it("refuses a missing, unknown, expired or revoked token with 401 unauthorized", async () => {
    await expectUnauthorized(await fetch(`${emulator.url}/v2/info`));
    await expectUnauthorized(await get("/v2/info", "dal:made-up"));
    const expired = await issueTokens(emulator.url);
    await fetch(`${emulator.url}/_emulator/tokens/expire`, {
      method: "POST",
      body: JSON.stringify({ access_token: expired.access_token }),
      headers: { "content-type": "application/json" },
    });
    await expectUnauthorized(await get("/v2/info", expired.access_token));
    const revoked = await issueTokens(emulator.url);
    await revoke(revoked.access_token);
    await expectUnauthorized(await get("/v2/info", revoked.access_token));
  });
});

describe("DELETE /v2/token", () => {
  it("revokes an access token together with its refresh token", async () => {
    const tokens = await issueTokens(emulator.url);
    const response = await revoke(tokens.access_token);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({});
    await expectUnauthorized(await get("/v2/info", tokens.access_token));
    expect((await refresh(tokens.refresh_token)).status).toBe(401);
  });

  it("revokes a refresh token given as ?code= and the access tokens issued from it", async () => {
    const tokens = await issueTokens(emulator.url);
    const later = await json<TokenResponse>(await refresh(tokens.refresh_token));
    const response = await fetch(
      `${emulator.url}/v2/token?code=${encodeURIComponent(tokens.refresh_token)}`,
      { method: "DELETE" },
    );
    expect(response.status).toBe(200);
    await expectUnauthorized(await get("/v2/info", tokens.access_token));
    await expectUnauthorized(await get("/v2/info", later.access_token));
    expect((await refresh(tokens.refresh_token)).status).toBe(401);
  });

  // The spec's 404 "Not found, the token doesn't exist." and its body (global-accounts-api/
  // spec.yml L2286-2290, ref_11 L514-533).
  it("answers 404 resource_not_found for an unknown token and 400 for none", async () => {
    const unknown = await revoke("dal:made-up");
    expect(unknown.status).toBe(404);
    expect(await json(unknown)).toEqual({
      error: "resource_not_found",
      error_description: "The requested resource couldn't be found.",
    });
    expect((await fetch(`${emulator.url}/v2/token`, { method: "DELETE" })).status).toBe(400);
  });

  it("leaves the account's other tokens alone", async () => {
    const kept = await issueTokens(emulator.url);
    const revoked = await issueTokens(emulator.url);
    await revoke(revoked.access_token);
    expect((await get("/v2/info", kept.access_token)).status).toBe(200);
  });
});

describe("GET /v2/accounts/me", () => {
  it("returns the signed-in account", async () => {
    const tokens = await issueTokens(emulator.url, "greta@globex.test");
    const response = await get("/v2/accounts/me", tokens.access_token);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({
      account_id: SEEDED.accounts.greta,
      name: "Greta Gruber",
      email: "greta@globex.test",
      email_verified: true,
      // The spec's enum value (global-accounts-api/spec.yml L70-79).
      default_product: "LiveChat",
      default_organization_id: SEEDED.organizations.globex,
      avatar_url: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
  });

  // The spec's 403 "Forbidden: Insufficient scope" (spec.yml L503-507, ref_5 L254-272).
  it("refuses a token without accounts--my:ro with 403 access_denied / insufficient_scope", async () => {
    const code = codeOf(
      await new HttpBrowser(emulator.url).authorize(
        authorizePath("marketplace-app", { scope: "agents--all:ro" }),
      ),
    );
    const tokens = await json<TokenResponse>(
      await postToken(emulator.url, {
        grant_type: "authorization_code",
        code,
        redirect_uri: APP_CALLBACK,
        ...CLIENTS.marketplace,
      }),
    );
    const response = await get("/v2/accounts/me", tokens.access_token);
    expect(response.status).toBe(403);
    expect(await json(response)).toEqual({
      error: "access_denied",
      sub_error: "insufficient_scope",
      error_description: "The resource owner or authorization server denied the request.",
    });
  });

  it("refuses an invalid token with 401", async () => {
    await expectUnauthorized(await get("/v2/accounts/me", "fra:made-up"));
  });
});
