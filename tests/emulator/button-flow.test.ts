import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator/server";
import { HttpBrowser, type Step } from "../../scripts/lib/http-browser";
import { APP_CALLBACK, CLIENTS, authorizePath, json, pkcePair, postToken, start } from "./helpers";

// flow=button (accounts-sdk's popup): the last page posts the result to window.opener instead of
// redirecting. Here at the HTTP level; agent-app.test.ts runs it in Chromium.

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

interface PopupMessage {
  targetOrigin: string;
  message: { data?: Record<string, string>; error?: Record<string, string> };
}

/** What the result page will post, and where: its JSON script element. */
function popupMessage(step: Step): PopupMessage {
  expect(step.status).toBe(200);
  const match = /<script type="application\/json" id="popup-message">([^<]*)<\/script>/.exec(
    step.html,
  );
  if (!match?.[1]) throw new Error(`No popup result on the page (${step.status} ${step.location})`);
  return JSON.parse(match[1]) as PopupMessage;
}

const button = (client: string, extra: Record<string, string> = {}) =>
  authorizePath(client, { flow: "button", ...extra });

describe("flow=button hands the result to the opener", () => {
  it("posts { data: { code, state } } to the redirect URI's origin; the code exchanges once, with PKCE", async () => {
    const { verifier, challenge } = pkcePair();
    const step = await new HttpBrowser(emulator.url).authorize(
      button(CLIENTS.javascript.client_id, {
        code_challenge: challenge,
        code_challenge_method: "S256",
      }),
    );
    expect(step.location).toBeNull();
    const { targetOrigin, message } = popupMessage(step);
    expect(targetOrigin).toBe("http://localhost:3000");
    expect(message).toEqual({ data: { code: expect.any(String), state: "state-123" } });
    expect(step.html).toContain("window.opener.postMessage(payload.message, payload.targetOrigin)");
    expect(step.html).toContain("window.close()");
    expect(step.html).toContain('id="no-opener"');

    const exchange = () =>
      postToken(emulator.url, {
        grant_type: "authorization_code",
        code: message.data?.code ?? "",
        client_id: CLIENTS.javascript.client_id,
        redirect_uri: APP_CALLBACK,
        code_verifier: verifier,
      });
    const first = await exchange();
    expect(first.status).toBe(200);
    expect(await json(first)).toMatchObject({
      token_type: "Bearer",
      account_id: expect.any(String),
    });
    expect((await exchange()).status).toBe(401);
  });

  it("runs its script under a nonce-only CSP", async () => {
    // The private app's own organization is never asked for consent: sign-in leads to the result.
    const browser = new HttpBrowser(emulator.url);
    const signedIn = await browser.signIn(
      await browser.get(button(CLIENTS.private.client_id)),
      "alice@acme.test",
    );
    const response = await browser.fetch(new URL(signedIn.location ?? "", emulator.url).toString());
    const html = await response.text();
    const nonce = /<script nonce="([^"]+)">/.exec(html)?.[1];
    expect(nonce).toMatch(/^[\w-]{16,}$/);
    expect(response.headers.get("content-security-policy")).toBe(
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("leaves state out when the app sent none, and escapes a hostile state", async () => {
    const none = await new HttpBrowser(emulator.url).authorize(
      `/?${new URLSearchParams({ response_type: "code", client_id: "marketplace-app", redirect_uri: APP_CALLBACK, flow: "button" })}`,
    );
    expect(popupMessage(none).message.data).toEqual({ code: expect.any(String) });

    const hostile = '</script><script>alert("x")</script>';
    const step = await new HttpBrowser(emulator.url).authorize(
      button(CLIENTS.marketplace.client_id, { state: hostile }),
    );
    expect(step.html).not.toContain(hostile);
    expect(popupMessage(step).message.data?.state).toBe(hostile);
  });

  it("shows the consent screen again with prompt=consent", async () => {
    const browser = new HttpBrowser(emulator.url);
    popupMessage(await browser.authorize(button(CLIENTS.marketplace.client_id)));
    const again = await browser.get(button(CLIENTS.marketplace.client_id, { prompt: "consent" }));
    expect(again.html).toContain('action="/consent"');
    const silent = await browser.get(button(CLIENTS.marketplace.client_id));
    expect(popupMessage(silent).message.data?.code).toEqual(expect.any(String));
  });

  it("posts { error: { oauth_exception: 'access_denied' } } when the user denies", async () => {
    const step = await new HttpBrowser(emulator.url).authorize(
      button(CLIENTS.marketplace.client_id),
      "victor@acme.test",
      "deny",
    );
    expect(popupMessage(step)).toEqual({
      targetOrigin: "http://localhost:3000",
      message: { error: { oauth_exception: "access_denied" } },
    });
  });

  it("posts a private app's refusal of another organization", async () => {
    const step = await new HttpBrowser(emulator.url).authorize(
      button(CLIENTS.private.client_id),
      "greta@globex.test",
    );
    expect(popupMessage(step).message).toEqual({
      error: {
        oauth_exception: "unauthorized_client",
        exception_details: "private_app_other_organization",
      },
    });
  });

  it.each([
    ["an unknown scope", { scope: "chats--all:rw" }, { oauth_exception: "invalid_scope" }],
    [
      "a JavaScript app without PKCE",
      { client_id: "javascript-app" },
      { oauth_exception: "invalid_request", exception_details: "code_challenge_required" },
    ],
    [
      "another response_type",
      { response_type: "token" },
      { oauth_exception: "unsupported_response_type" },
    ],
  ])("posts the error of %s once the redirect URI is trusted", async (_name, extra, error) => {
    const step = await new HttpBrowser(emulator.url).get(
      button(CLIENTS.marketplace.client_id, extra),
    );
    expect(popupMessage(step)).toEqual({
      targetOrigin: "http://localhost:3000",
      message: { error },
    });
  });

  it.each([
    ["an unknown client", { client_id: "nope" }, "client_id_not_found"],
    [
      "a redirect URI off the whitelist",
      { redirect_uri: "http://evil.test/cb" },
      "invalid_redirect_uri",
    ],
    ["no redirect URI", { redirect_uri: "" }, "redirect_uri_not_set"],
  ])("never posts for %s: /ooops as in the redirect flow", async (_name, extra, details) => {
    const step = await new HttpBrowser(emulator.url).get(
      button(CLIENTS.marketplace.client_id, extra),
    );
    expect(step.status).toBe(302);
    expect(step.html).toBe("");
    const location = new URL(step.location ?? "", emulator.url);
    expect(location.pathname).toBe("/ooops");
    expect(location.searchParams.get("exception_details")).toBe(details);
    const ooops = await new HttpBrowser(emulator.url).get(location.toString());
    expect(ooops.html).not.toContain("postMessage");
  });
});
