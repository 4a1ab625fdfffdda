import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEEDED } from "@/emulator/fixtures";
import type { RunningEmulator } from "@/emulator/server";
import { HttpBrowser } from "../../scripts/lib/http-browser";
import { APP_CALLBACK, start } from "./helpers";

// Drives a standard OAuth 2.0 client library through the emulator, so it speaks plain OAuth.

let emulator: RunningEmulator;
let as: oauth.AuthorizationServer;
beforeAll(async () => {
  emulator = await start();
  // LiveChat publishes no discovery document: the metadata is written down by hand, as an app would.
  as = {
    issuer: emulator.url,
    authorization_endpoint: `${emulator.url}/`,
    token_endpoint: `${emulator.url}/v2/token`,
  };
});
afterAll(() => emulator.close());

const insecure = { [oauth.allowInsecureRequests]: true };

/** Builds the authorize URL with the library's helpers and signs in through the pages. */
async function authorize(client: oauth.Client, codeVerifier: string, state: string): Promise<URL> {
  const url = new URL(as.authorization_endpoint ?? "");
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", client.client_id);
  url.searchParams.set("redirect_uri", APP_CALLBACK);
  url.searchParams.set("state", state);
  url.searchParams.set("code_challenge", await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set("code_challenge_method", "S256");
  const step = await new HttpBrowser(emulator.url).authorize(url);
  return new URL(step.location ?? "");
}

describe("oauth4webapi against the emulator", () => {
  it("completes the code flow with PKCE and refreshes for a confidential client", async () => {
    const client: oauth.Client = { client_id: "marketplace-app" };
    const auth = oauth.ClientSecretPost("marketplace-app-secret");
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();

    const callback = await authorize(client, codeVerifier, state);
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      auth,
      params,
      APP_CALLBACK,
      codeVerifier,
      insecure,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.access_token).toMatch(/^dal:/);
    expect(tokens.expires_in).toBe(28_800);
    expect(tokens).toMatchObject({
      account_id: SEEDED.accounts.alice,
      organization_id: SEEDED.organizations.acme,
    });

    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token ?? "", insecure),
    );
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.refresh_token).toBe(tokens.refresh_token);
  });

  it("completes the flow for a public client without a secret and rotates its refresh token", async () => {
    const client: oauth.Client = {
      client_id: "javascript-app",
      token_endpoint_auth_method: "none",
    };
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const params = oauth.validateAuthResponse(
      as,
      client,
      await authorize(client, codeVerifier, state),
      state,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(
        as,
        client,
        oauth.None(),
        params,
        APP_CALLBACK,
        codeVerifier,
        insecure,
      ),
    );
    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(
        as,
        client,
        oauth.None(),
        tokens.refresh_token ?? "",
        insecure,
      ),
    );
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
  });

  // LiveChat's docs: a used code is unauthorized_client (troubleshooting/index.mdx L74-76); the
  // statuses are the spec's 401 (global-accounts-api/spec.yml L2226). PKCE stays RFC 7636's.
  it("surfaces a wrong verifier as invalid_grant and a replayed code as unauthorized_client", async () => {
    const client: oauth.Client = { client_id: "marketplace-app" };
    const auth = oauth.ClientSecretPost("marketplace-app-secret");
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const params = oauth.validateAuthResponse(
      as,
      client,
      await authorize(client, codeVerifier, state),
      state,
    );

    const wrongVerifier = oauth.generateRandomCodeVerifier();
    const refused = oauth
      .authorizationCodeGrantRequest(
        as,
        client,
        auth,
        params,
        APP_CALLBACK,
        wrongVerifier,
        insecure,
      )
      .then((response) => oauth.processAuthorizationCodeResponse(as, client, response));
    await expect(refused).rejects.toMatchObject({ error: "invalid_grant", status: 401 });

    await oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(
        as,
        client,
        auth,
        params,
        APP_CALLBACK,
        codeVerifier,
        insecure,
      ),
    );
    const replay = oauth
      .authorizationCodeGrantRequest(as, client, auth, params, APP_CALLBACK, codeVerifier, insecure)
      .then((response) => oauth.processAuthorizationCodeResponse(as, client, response));
    await expect(replay).rejects.toBeInstanceOf(oauth.ResponseBodyError);
    await expect(replay).rejects.toMatchObject({ error: "unauthorized_client", status: 401 });
  });

  it("rejects a callback whose state does not match", async () => {
    const client: oauth.Client = { client_id: "marketplace-app" };
    const callback = await authorize(client, oauth.generateRandomCodeVerifier(), "state-a");
    expect(() => oauth.validateAuthResponse(as, client, callback, "state-b")).toThrow();
  });
});
