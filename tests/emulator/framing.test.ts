import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator/server";
import { HttpBrowser } from "../../scripts/lib/http-browser";
import { CLIENTS, authorizePath, start } from "./helpers";

// An identity provider's pages refuse to be framed (clickjacking), and so does the Agent App.

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

function expectUnframable(response: Response): void {
  expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  expect(response.headers.get("x-frame-options")).toBe("DENY");
  expect(response.headers.get("content-security-policy")).toMatch(
    /(^|; )frame-ancestors 'none'($|;)/,
  );
}

const fieldsOf = (html: string) => ({
  authorize_query: (/name="authorize_query" value="([^"]*)"/.exec(html)?.[1] ?? "").replace(
    /&#38;/g,
    "&",
  ),
  csrf: /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? "",
});

/** Posts a form of the accounts server and returns the raw answer (headers included). */
function postForm(browser: HttpBrowser, path: string, fields: Record<string, string>) {
  return browser.fetch(new URL(path, emulator.url).toString(), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

describe("no page of the emulator may be framed", () => {
  it("the sign-in, consent, denied, session-expired and /ooops pages", async () => {
    const browser = new HttpBrowser(emulator.url);
    const url = (path: string) => new URL(path, emulator.url).toString();
    const signIn = await browser.fetch(url(authorizePath(CLIENTS.marketplace.client_id)));
    const signInHtml = await signIn.text();
    expect(signInHtml).toContain('action="/signin"');
    expectUnframable(signIn);

    const unknown = await postForm(browser, "/signin", { ...fieldsOf(signInHtml), email: "x@y.z" });
    expect(unknown.status).toBe(401);
    expectUnframable(unknown);

    const known = await postForm(browser, "/signin", {
      ...fieldsOf(signInHtml),
      email: "alice@acme.test",
    });
    const consent = await browser.fetch(url(known.headers.get("location") ?? ""));
    const consentHtml = await consent.text();
    expect(consentHtml).toContain('action="/consent"');
    expectUnframable(consent);

    const denied = await postForm(browser, "/consent", {
      ...fieldsOf(consentHtml),
      decision: "deny",
    });
    expect(await denied.text()).toContain("Access denied");
    expectUnframable(denied);

    const expired = await postForm(new HttpBrowser(), "/consent", {
      ...fieldsOf(consentHtml),
      decision: "allow",
    });
    expect(expired.status).toBe(403);
    expectUnframable(expired);

    const ooops = await fetch(url("/ooops?oauth_exception=invalid_request"));
    expectUnframable(ooops);
  });

  it("the flow=button result page", async () => {
    const browser = new HttpBrowser(emulator.url);
    const page = await browser.get(authorizePath(CLIENTS.private.client_id, { flow: "button" }));
    const signedIn = await browser.signIn(page, "alice@acme.test");
    const result = await browser.fetch(new URL(signedIn.location ?? "", emulator.url).toString());
    expect(await result.text()).toContain('id="popup-message"');
    expectUnframable(result);
  });

  it.each(["/agent-app", "/agent-app/fullscreen", "/agent-app/chats", "/agent-app/settings"])(
    "the Agent App at %s",
    async (path) => {
      const response = await fetch(new URL(path, emulator.url));
      expect(response.status).toBe(200);
      expectUnframable(response);
    },
  );
});
