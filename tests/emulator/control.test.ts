import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SEEDED } from "@/emulator/fixtures";
import type { RunningEmulator } from "@/emulator/server";
import { HttpBrowser } from "../../scripts/lib/http-browser";
import { CLIENTS, authorizePath, issueTokens, json, postToken, start } from "./helpers";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await start({ extraRedirectUris: ["http://localhost:5555/callback"] });
});
afterAll(() => emulator.close());
afterEach(async () => {
  await fetch(`${emulator.url}/_emulator/faults`, { method: "DELETE" });
});

function control(
  path: string,
  body?: unknown,
  method = body === undefined ? "GET" : "POST",
  base = emulator.url,
) {
  return fetch(`${base}/_emulator/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const info = (token: string) =>
  fetch(`${emulator.url}/v2/info`, { headers: { authorization: `Bearer ${token}` } });
const tokenRequest = () =>
  postToken(emulator.url, {
    grant_type: "refresh_token",
    refresh_token: "none",
    ...CLIENTS.marketplace,
  });

describe("GET /_emulator/fixtures", () => {
  it("lists organizations, accounts, clients, agents and groups", async () => {
    const fixtures = await json<{
      organizations: unknown[];
      accounts: { email: string; role: string }[];
      clients: Record<string, unknown>[];
      agents: Record<string, unknown>[];
      groups: Record<string, unknown>[];
    }>(await control("fixtures"));
    expect(fixtures.organizations).toEqual([
      expect.objectContaining({
        organization_id: SEEDED.organizations.acme,
        name: "Acme Support",
        region: "dal",
      }),
      expect.objectContaining({
        organization_id: SEEDED.organizations.globex,
        name: "Globex Europe",
        region: "fra",
      }),
    ]);
    expect(fixtures.accounts).toContainEqual(
      expect.objectContaining({
        account_id: SEEDED.accounts.alice,
        email: "alice@acme.test",
        name: "Alice Archer",
        organization_id: SEEDED.organizations.acme,
        role: "owner",
      }),
    );
    expect(fixtures.accounts.map((a) => a.email)).toEqual([
      "alice@acme.test",
      "victor@acme.test",
      "adam@acme.test",
      "nora@acme.test",
      "greta@globex.test",
      "noah@globex.test",
    ]);
    const scopes = [
      "accounts--my:ro",
      "agents--all:ro",
      "agents--my:rw",
      "chats--all:ro",
      "groups--all:ro",
    ];
    expect(fixtures.clients).toEqual([
      expect.objectContaining({
        client_id: "marketplace-app",
        client_secret: "marketplace-app-secret",
        app_type: "public",
        client_type: "server_side",
        organization_id: null,
        scopes,
      }),
      expect.objectContaining({
        client_id: "private-app",
        client_secret: "private-app-secret",
        app_type: "private",
        client_type: "server_side",
        organization_id: SEEDED.organizations.acme,
        scopes,
      }),
      expect.objectContaining({
        client_id: "javascript-app",
        client_secret: null,
        app_type: "public",
        client_type: "javascript",
        organization_id: null,
        scopes,
      }),
    ]);
    for (const client of fixtures.clients) {
      expect(client.redirect_uris).toEqual(
        expect.arrayContaining([
          "http://localhost:3000",
          "http://127.0.0.1:3000",
          "http://localhost:3103",
          "http://127.0.0.1:3100",
          "http://localhost:5555/callback",
        ]),
      );
    }
    expect(fixtures.agents).toHaveLength(507);
    expect(fixtures.agents[0]).toMatchObject({
      id: "alice@acme.test",
      name: "Alice Archer",
      organization_id: SEEDED.organizations.acme,
      role: "owner",
      routing_status: "accepting_chats",
    });
    expect(fixtures.groups).toHaveLength(8);
    expect(fixtures.groups[0]).toEqual({
      id: 0,
      organization_id: SEEDED.organizations.acme,
      name: "General",
      language_code: "en",
    });
  });

  it("lets the extra redirect URIs through authorize", async () => {
    const step = await new HttpBrowser(emulator.url).authorize(
      authorizePath("marketplace-app", { redirect_uri: "http://localhost:5555/callback" }),
    );
    expect(step.location).toMatch(/^http:\/\/localhost:5555\/callback\?code=dal%3A/);
  });

  it.each([
    ["a query", "http://localhost:5555/cb?x=1"],
    ["a fragment", "http://localhost:5555/cb#x"],
    ["no scheme", "localhost:5555/cb"],
  ])("refuses to start with an extra redirect URI that has %s", async (_, uri) => {
    await expect(start({ extraRedirectUris: [uri] })).rejects.toThrow(
      "must be an absolute URL without a query or fragment",
    );
  });

  it("ignores a cookie of another local app that is not URI-encoded", async () => {
    const response = await fetch(`${emulator.url}${authorizePath("marketplace-app")}`, {
      headers: { cookie: "theme=50%; other=%E0%A4%A" },
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Sign in");
  });
});

describe("faults", () => {
  it("answers with the status, Retry-After and an accounts-style error, `times` times", async () => {
    const added = await control("faults", {
      endpoint: "/v2/token",
      status: 503,
      retry_after: 7,
      times: 1,
    });
    expect(added.status).toBe(201);
    const faulted = await tokenRequest();
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get("retry-after")).toBe("7");
    expect(await json(faulted)).toMatchObject({ error: "temporarily_unavailable" });
    expect((await tokenRequest()).status).toBe(401);
  });

  it("answers Web API paths in the Web API error style", async () => {
    await control("faults", {
      endpoint: "/v3.6/configuration/action/list_agents",
      status: 429,
      retry_after: 2,
    });
    const call = () =>
      fetch(`${emulator.url}/v3.6/configuration/action/list_agents`, {
        method: "POST",
        body: "{}",
      });
    const first = await call();
    expect(first.status).toBe(429);
    expect(await json(first)).toEqual({
      error: { type: "too_many_requests", message: expect.any(String) },
    });
    // Without `times` a fault lasts until it is cleared.
    expect((await call()).status).toBe(429);
    await control("faults", undefined, "DELETE");
    await control("faults", {
      endpoint: "/v3.6/configuration/action/list_agents",
      status: 500,
      error_type: "internal_server_error",
    });
    expect(await json(await call())).toMatchObject({ error: { type: "internal_server_error" } });
  });

  it.each([
    [400, "bad_request"],
    [401, "unauthorized"],
    [403, "access_denied"],
    [404, "resource_not_found"],
    [409, "conflict"],
    [422, "invalid_request"],
    [429, "temporarily_unavailable"],
    [500, "server_error"],
    [503, "temporarily_unavailable"],
    [502, "server_error"],
    [418, "bad_request"],
  ])(
    "gives an accounts fault of status %i without error_type the spec's code for it: %s",
    async (status, error) => {
      // global-accounts-api/spec.yml: each status's documented error schema.
      await control("faults", { endpoint: "/v2/token", status, times: 1 });
      const faulted = await tokenRequest();
      expect(faulted.status).toBe(status);
      expect(await json(faulted)).toEqual({ error, error_description: expect.any(String) });
    },
  );

  it("answers a given JSON body, with 200 unless a status is given", async () => {
    const odd = [{ id: "x@acme.test", role: "supervisor_plus", hobby: "chess" }, { name: "No Id" }];
    const path = "/v3.6/configuration/action/list_agents";
    await control("faults", { endpoint: path, json: odd, times: 1 });
    await control("faults", { endpoint: path, json: { error: "teapot" }, status: 418, times: 1 });
    const call = () => fetch(`${emulator.url}${path}`, { method: "POST", body: "{}" });
    const first = await call();
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("application/json");
    expect(await json(first)).toEqual(odd);
    const second = await call();
    expect(second.status).toBe(418);
    expect(await json(second)).toEqual({ error: "teapot" });
    expect((await call()).status).toBe(401);
    expect((await control("faults", { endpoint: path, json: [], body: "html" })).status).toBe(400);
  });

  it("matches the method when one is given", async () => {
    await control("faults", { endpoint: "/v2/token", method: "delete", status: 500 });
    expect((await tokenRequest()).status).toBe(401);
    expect((await fetch(`${emulator.url}/v2/token`, { method: "DELETE" })).status).toBe(500);
  });

  it("answers a malformed or HTML body", async () => {
    await control("faults", { endpoint: "/v2/token", body: "malformed", times: 1 });
    const malformed = await tokenRequest();
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    await control("faults", { endpoint: "/v2/token", body: "html", times: 1 });
    const html = await tokenRequest();
    expect(html.status).toBe(502);
    expect(html.headers.get("content-type")).toBe("text/html");
  });

  it("delays before answering normally", async () => {
    await control("faults", { endpoint: "/v2/token", delay_ms: 150, times: 1 });
    const started = performance.now();
    const response = await tokenRequest();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(response.status).toBe(401);
  });

  it("hangs until the client gives up", async () => {
    await control("faults", { endpoint: "/v2/token", hang: true, times: 1 });
    await expect(
      fetch(`${emulator.url}/v2/token`, { method: "POST", signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    expect((await tokenRequest()).status).toBe(401);
  });

  it("does not keep close() waiting for a hanging request", async () => {
    const other = await start();
    await control("faults", { endpoint: "/v2/info", hang: true }, "POST", other.url);
    await control("faults", { endpoint: "/v2/accounts/me", delay_ms: 60_000 }, "POST", other.url);
    const hanging = [fetch(`${other.url}/v2/info`), fetch(`${other.url}/v2/accounts/me`)].map((p) =>
      p.catch((error: unknown) => error),
    );
    while (
      (await json<{ total: number }>(await control("requests", undefined, "GET", other.url)))
        .total < 2
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const started = performance.now();
    await other.close();
    expect(performance.now() - started).toBeLessThan(1000);
    for (const outcome of await Promise.all(hanging)) expect(outcome).toBeInstanceOf(Error);
  });

  it("refuses an invalid fault and clears all faults on DELETE", async () => {
    expect((await control("faults", { endpoint: "v2/token", status: 503 })).status).toBe(400);
    expect((await control("faults", { endpoint: "/v2/token" })).status).toBe(400);
    await control("faults", { endpoint: "/v2/token", status: 503 });
    await control("faults", { endpoint: "/v2/info", status: 503 });
    expect(await json(await control("faults", undefined, "DELETE"))).toEqual({ cleared: 2 });
    expect((await tokenRequest()).status).toBe(401);
  });
});

describe("request log", () => {
  it("counts requests per method and path, faulted ones included, /_emulator/ excluded", async () => {
    await control("requests", undefined, "DELETE");
    await control("faults", { endpoint: "/v2/token", status: 503, times: 1 });
    await tokenRequest();
    await tokenRequest();
    await fetch(`${emulator.url}/v2/info?code=secret-token`);
    const log = await json<{
      total: number;
      counts: Record<string, number>;
      requests: { method: string; path: string; at: string }[];
    }>(await control("requests"));
    expect(log.total).toBe(3);
    expect(log.counts).toEqual({ "POST /v2/token": 2, "GET /v2/info": 1 });
    expect(log.requests[2]).toEqual({
      method: "GET",
      path: "/v2/info",
      at: expect.stringMatching(/^\d{4}-/),
    });
    expect(JSON.stringify(log)).not.toContain("secret-token");
  });
});

describe("token controls", () => {
  it("lists an account's tokens", async () => {
    const tokens = await issueTokens(emulator.url, "adam@acme.test");
    const rows = await json<Record<string, unknown>[]>(
      await control(`tokens?account_id=${SEEDED.accounts.adam}`),
    );
    expect(rows).toEqual([
      expect.objectContaining({
        access_token: tokens.access_token,
        refresh_token: tokens.refresh_token,
        client_id: "marketplace-app",
        expires_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        revoked: false,
      }),
    ]);
  });

  it("expires one token or all of an account's tokens now", async () => {
    const one = await issueTokens(emulator.url, "greta@globex.test");
    const two = await issueTokens(emulator.url, "greta@globex.test");
    expect(await json(await control("tokens/expire", { access_token: one.access_token }))).toEqual({
      expired: 1,
    });
    expect((await info(one.access_token)).status).toBe(401);
    expect((await info(two.access_token)).status).toBe(200);
    await control("tokens/expire", { account_id: two.account_id });
    expect((await info(two.access_token)).status).toBe(401);
    // An expired access token can still be refreshed.
    const refreshed = await postToken(emulator.url, {
      grant_type: "refresh_token",
      refresh_token: two.refresh_token,
      ...CLIENTS.marketplace,
    });
    expect(refreshed.status).toBe(200);
  });

  it("revokes access and refresh tokens", async () => {
    const one = await issueTokens(emulator.url, "noah@globex.test");
    const two = await issueTokens(emulator.url, "noah@globex.test");
    await control("tokens/revoke", { access_token: one.access_token });
    expect((await info(one.access_token)).status).toBe(401);
    expect((await info(two.access_token)).status).toBe(200);
    expect(await json(await control("tokens/revoke", { account_id: two.account_id }))).toEqual({
      revoked: 2,
    });
    const refreshed = await postToken(emulator.url, {
      grant_type: "refresh_token",
      refresh_token: two.refresh_token,
      ...CLIENTS.marketplace,
    });
    expect(refreshed.status).toBe(401);
    const rows = await json<{ revoked: boolean }[]>(
      await control(`tokens?account_id=${two.account_id}`),
    );
    expect(rows.every((row) => row.revoked)).toBe(true);
  });

  it("refuses an unknown token and a body naming nothing", async () => {
    expect((await control("tokens/expire", { access_token: "dal:nope" })).status).toBe(404);
    expect((await control("tokens/revoke", {})).status).toBe(400);
  });
});

describe("POST /_emulator/reset", () => {
  it("moves an organization back to its seeded region", async () => {
    const tokens = await issueTokens(emulator.url);
    const byDal = () =>
      fetch(`${emulator.url}/v3.6/configuration/action/list_agents`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokens.access_token}`, "x-region": "dal" },
        body: "{}",
      });
    await control("organizations/move", {
      organization_id: SEEDED.organizations.acme,
      region: "fra",
    });
    expect((await byDal()).status).toBe(421);
    await control("reset", {});
    const again = await issueTokens(emulator.url);
    const response = await fetch(`${emulator.url}/v3.6/configuration/action/list_agents`, {
      method: "POST",
      headers: { authorization: `Bearer ${again.access_token}`, "x-region": "dal" },
      body: "{}",
    });
    expect(response.status).toBe(200);
  });

  it("goes back to the seeded state", async () => {
    const tokens = await issueTokens(emulator.url);
    const browser = new HttpBrowser(emulator.url);
    await browser.authorize(authorizePath("marketplace-app"));
    await control("faults", { endpoint: "/v2/info", status: 503 });
    expect((await control("reset", {})).status).toBe(200);
    expect((await info(tokens.access_token)).status).toBe(401);
    expect(await json(await control("tokens"))).toEqual([]);
    expect(await json(await control("requests"))).toEqual({
      total: 1,
      counts: { "GET /v2/info": 1 },
      requests: [expect.any(Object)],
    });
    const again = await browser.get(authorizePath("marketplace-app"));
    expect(again.html).toContain('action="/signin"');
  });
});
