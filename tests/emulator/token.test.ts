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
  pkcePair,
  postToken,
  start,
  type TokenResponse,
} from "./helpers";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await start({ accessTokenTtlSeconds: 3600 });
});
afterAll(() => emulator.close());

const marketplace = CLIENTS.marketplace;

async function codeFor(
  params: Record<string, string> = {},
  client = "marketplace-app",
  base = emulator.url,
) {
  return codeOf(await new HttpBrowser(base).authorize(authorizePath(client, params)));
}

function exchange(code: string, extra: Record<string, string> = {}, base = emulator.url) {
  return postToken(base, {
    grant_type: "authorization_code",
    code,
    redirect_uri: APP_CALLBACK,
    ...marketplace,
    ...extra,
  });
}

async function expectError(
  response: Response,
  status: number,
  error: string,
  description?: string,
): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  const body = await json(response);
  expect(body.error).toBe(error);
  expect(typeof body.error_description).toBe("string");
  if (description !== undefined) expect(body.error_description).toBe(description);
  return body;
}

// The codes and texts livechat-public-docs gives: src/pages/authorization/troubleshooting/
// index.mdx L74-76 and L121-190, and the statuses of src/configs/redoc/global-accounts-api/
// spec.yml L2221-2270 (401, 403, 422; no 400).
const INVALID_REQUEST =
  "The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.";
const CODE_REFUSED = "The client is not authorized to request a token using this method.";
const expectCodeRefused = (response: Response) =>
  expectError(response, 401, "unauthorized_client", CODE_REFUSED);

const infoStatus = async (accessToken: string) =>
  (await fetch(`${emulator.url}/v2/info`, { headers: { authorization: `Bearer ${accessToken}` } }))
    .status;

describe("authorization_code grant", () => {
  it("answers exactly LiveChat's token response", async () => {
    const response = await exchange(await codeFor({ scope: "accounts--my:ro,agents--all:ro" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await json<TokenResponse>(response);
    expect(Object.keys(body).sort()).toEqual([
      "access_token",
      "account_id",
      "expires_in",
      "organization_id",
      "refresh_token",
      "scope",
      "token_type",
    ]);
    expect(body).toMatchObject({
      account_id: SEEDED.accounts.alice,
      organization_id: SEEDED.organizations.acme,
      expires_in: 3600,
      scope: "accounts--my:ro,agents--all:ro",
      token_type: "Bearer",
    });
    expect(body.access_token).toMatch(/^dal:[A-Za-z0-9_-]{20,}$/);
    expect(body.refresh_token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it("accepts a JSON body", async () => {
    const code = await codeFor();
    const response = await postToken(
      emulator.url,
      { grant_type: "authorization_code", code, redirect_uri: APP_CALLBACK, ...marketplace },
      true,
    );
    expect(response.status).toBe(200);
  });

  it("grants every scope of the client when none is asked for", async () => {
    const body = await json<TokenResponse>(await exchange(await codeFor()));
    expect(body.scope).toBe(
      "accounts--my:ro,agents--all:ro,agents--my:rw,chats--all:ro,groups--all:ro",
    );
  });

  it.each([
    ["no grant_type", { grant_type: "" }, "grant_type"],
    ["no code", { code: "" }, "code"],
    ["no redirect_uri", { redirect_uri: "" }, "redirect_uri"],
    ["no client_id", { client_id: "" }, "client_id"],
  ])(
    "refuses %s with 422 invalid_request naming it in invalid_fields",
    async (_, override, field) => {
      const body = await expectError(
        await exchange(await codeFor(), override),
        422,
        "invalid_request",
        INVALID_REQUEST,
      );
      expect(body.invalid_fields).toEqual({ [field]: "is required" });
    },
  );

  it("refuses malformed JSON and non-object bodies with 422 invalid_request", async () => {
    for (const body of ["{not json", "[1,2]", '{"grant_type": 7}']) {
      const response = await fetch(`${emulator.url}/v2/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      await expectError(response, 422, "invalid_request", INVALID_REQUEST);
    }
  });

  it("refuses an unknown client, a wrong or missing secret, and HTTP Basic with 401 invalid_client", async () => {
    const code = await codeFor();
    await expectError(await exchange(code, { client_id: "nope" }), 401, "invalid_client");
    await expectError(await exchange(code, { client_secret: "wrong" }), 401, "invalid_client");
    await expectError(await exchange(code, { client_secret: "" }), 401, "invalid_client");
    const basic = await fetch(`${emulator.url}/v2/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from("marketplace-app:marketplace-app-secret").toString("base64")}`,
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: APP_CALLBACK,
        client_id: "marketplace-app",
      }),
    });
    await expectError(basic, 401, "invalid_client");
    // None of those attempts used the code up.
    expect((await exchange(code)).status).toBe(200);
  });

  it("refuses an unsupported grant type with the spec's 403", async () => {
    await expectError(
      await postToken(emulator.url, { grant_type: "client_credentials", ...marketplace }),
      403,
      "unsupported_grant_type",
      "The authorization grant type is not supported by the authorization server.",
    );
  });

  it("refuses an unknown code and another client's code with 401 unauthorized_client", async () => {
    await expectCodeRefused(await exchange("dal:made-up"));
    const privateCode = await codeFor({}, "private-app");
    await expectCodeRefused(await exchange(privateCode));
  });

  it("refuses a different redirect_uri with unauthorized_client 'invalid redirect URI'", async () => {
    await expectError(
      await exchange(await codeFor(), { redirect_uri: "http://localhost:3000/other" }),
      401,
      "unauthorized_client",
      "invalid redirect URI",
    );
  });

  it("refuses a reused code with unauthorized_client and revokes the tokens first issued for it", async () => {
    const code = await codeFor();
    const first = await json<TokenResponse>(await exchange(code));
    expect(await infoStatus(first.access_token)).toBe(200);
    await expectCodeRefused(await exchange(code));
    expect(await infoStatus(first.access_token)).toBe(401);
    const refresh = await postToken(emulator.url, {
      grant_type: "refresh_token",
      refresh_token: first.refresh_token,
      ...marketplace,
    });
    await expectError(refresh, 401, "unauthorized_client", "refresh token not found");
  });

  it("refuses an expired code with unauthorized_client", async () => {
    const shortLived = await start({ codeTtlSeconds: 0 });
    try {
      const code = await codeFor({}, "marketplace-app", shortLived.url);
      await expectCodeRefused(await exchange(code, {}, shortLived.url));
    } finally {
      await shortLived.close();
    }
  });
});

// The spec's examples are `fra-a:` tokens (global-accounts-api/spec.yml L2052, L2183); refresh
// tokens carry no prefix (oauth-authorization/index.mdx L523).
describe("a fra-a organization (Globex Europe)", () => {
  it("gets fra-a: access tokens that refresh into fra-a: tokens, and unprefixed refresh tokens", async () => {
    const tokens = await issueTokens(emulator.url, "greta@globex.test");
    expect(tokens.access_token).toMatch(/^fra-a:[A-Za-z0-9_-]{20,}$/);
    expect(tokens.refresh_token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const refreshed = await json<TokenResponse>(
      await postToken(emulator.url, {
        grant_type: "refresh_token",
        refresh_token: tokens.refresh_token,
        ...marketplace,
      }),
    );
    expect(refreshed.access_token).toMatch(/^fra-a:/);
    expect(await infoStatus(refreshed.access_token)).toBe(200);
  });
});

describe("PKCE", () => {
  it("binds the code to the S256 challenge", async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor({ code_challenge: challenge, code_challenge_method: "S256" });
    await expectError(
      await exchange(code, { code_verifier: pkcePair().verifier }),
      401,
      "invalid_grant",
    );
    await expectError(await exchange(code), 401, "invalid_grant");
    expect((await exchange(code, { code_verifier: verifier })).status).toBe(200);
  });

  it("accepts the lowercase s256 spelling and the plain method", async () => {
    const { verifier, challenge } = pkcePair();
    const lower = await codeFor({ code_challenge: challenge, code_challenge_method: "s256" });
    expect((await exchange(lower, { code_verifier: verifier })).status).toBe(200);
    const plain = await codeFor({ code_challenge: verifier });
    await expectError(await exchange(plain, { code_verifier: challenge }), 401, "invalid_grant");
    expect((await exchange(plain, { code_verifier: verifier })).status).toBe(200);
  });

  it("refuses a verifier for a code issued without a challenge", async () => {
    await expectError(
      await exchange(await codeFor(), { code_verifier: pkcePair().verifier }),
      401,
      "invalid_grant",
    );
  });
});

describe("public (JavaScript) client", () => {
  async function jsTokens(): Promise<TokenResponse> {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor(
      { code_challenge: challenge, code_challenge_method: "S256" },
      "javascript-app",
    );
    const response = await postToken(emulator.url, {
      grant_type: "authorization_code",
      code,
      redirect_uri: APP_CALLBACK,
      client_id: "javascript-app",
      code_verifier: verifier,
    });
    expect(response.status).toBe(200);
    return json<TokenResponse>(response);
  }

  it("needs no secret and rotates its refresh token on every use", async () => {
    const first = await jsTokens();
    const refresh = (token: string) =>
      postToken(emulator.url, {
        grant_type: "refresh_token",
        refresh_token: token,
        client_id: "javascript-app",
      });
    const second = await json<TokenResponse>(await refresh(first.refresh_token));
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    await expectError(
      await refresh(first.refresh_token),
      401,
      "unauthorized_client",
      "refresh token not found",
    );
    // The rotation kills the old refresh token only; its access token lives on until it expires.
    expect(await infoStatus(first.access_token)).toBe(200);
    expect((await refresh(second.refresh_token)).status).toBe(200);
  });
});

describe("refresh_token grant (confidential client)", () => {
  const refresh = (token: string, extra: Record<string, string> = {}) =>
    postToken(emulator.url, {
      grant_type: "refresh_token",
      refresh_token: token,
      ...marketplace,
      ...extra,
    });

  it("issues a new access token and repeats the same refresh token", async () => {
    const first = await issueTokens(emulator.url);
    const second = await json<TokenResponse>(await refresh(first.refresh_token));
    expect(second.refresh_token).toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect(second).toMatchObject({
      account_id: first.account_id,
      organization_id: first.organization_id,
      scope: first.scope,
    });
    expect(await infoStatus(first.access_token)).toBe(200);
    expect((await refresh(first.refresh_token)).status).toBe(200);
  });

  it("refuses a wrong secret, an unknown, a revoked or another client's refresh token in the docs' codes", async () => {
    const tokens = await issueTokens(emulator.url);
    await expectError(
      await refresh(tokens.refresh_token, { client_secret: "wrong" }),
      401,
      "invalid_client",
    );
    const notFound = ["unauthorized_client", "refresh token not found"] as const;
    await expectError(await refresh("made-up"), 401, ...notFound);
    await expectError(
      await refresh(tokens.refresh_token, CLIENTS.private),
      401,
      "invalid_client",
      "using refresh token with wrong client id",
    );
    const missing = await expectError(await refresh(""), 422, "invalid_request", INVALID_REQUEST);
    expect(missing.invalid_fields).toEqual({ refresh_token: "is required" });
    await fetch(`${emulator.url}/v2/token`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${tokens.refresh_token}` },
    });
    await expectError(await refresh(tokens.refresh_token), 401, ...notFound);
  });

  it("refuses an expired refresh token with invalid_grant 'refresh token expired'", async () => {
    const shortLived = await start({ refreshTokenTtlSeconds: 0 });
    try {
      const tokens = await issueTokens(shortLived.url);
      const response = await postToken(shortLived.url, {
        grant_type: "refresh_token",
        refresh_token: tokens.refresh_token,
        ...marketplace,
      });
      await expectError(response, 401, "invalid_grant", "refresh token expired");
    } finally {
      await shortLived.close();
    }
  });
});

describe("25 live tokens per client per account", () => {
  it("revokes the oldest access and refresh tokens beyond 25", async () => {
    const browser = new HttpBrowser(emulator.url);
    const issued: TokenResponse[] = [];
    for (let i = 0; i < 26; i += 1) {
      const code = codeOf(
        await browser.authorize(authorizePath("private-app"), "victor@acme.test"),
      );
      issued.push(await json<TokenResponse>(await exchange(code, CLIENTS.private)));
    }
    const [oldest, second] = issued;
    expect(await infoStatus(oldest?.access_token ?? "")).toBe(401);
    const refreshOldest = await postToken(emulator.url, {
      grant_type: "refresh_token",
      refresh_token: oldest?.refresh_token ?? "",
      ...CLIENTS.private,
    });
    await expectError(refreshOldest, 401, "unauthorized_client", "refresh token not found");
    expect(await infoStatus(second?.access_token ?? "")).toBe(200);
    // The cap counts per client: victor's marketplace tokens are untouched.
    const other = await issueTokens(emulator.url, "victor@acme.test");
    expect(await infoStatus(other.access_token)).toBe(200);
  });

  it("caps access tokens issued by refreshing one refresh token", async () => {
    const first = await issueTokens(emulator.url, "nora@acme.test");
    for (let i = 0; i < 25; i += 1) {
      const response = await postToken(emulator.url, {
        grant_type: "refresh_token",
        refresh_token: first.refresh_token,
        ...marketplace,
      });
      expect(response.status).toBe(200);
    }
    expect(await infoStatus(first.access_token)).toBe(401);
    const again = await postToken(emulator.url, {
      grant_type: "refresh_token",
      refresh_token: first.refresh_token,
      ...marketplace,
    });
    expect(again.status).toBe(200);
  });
});
