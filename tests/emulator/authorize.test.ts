import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator/server";
import { HttpBrowser, type Step } from "../../scripts/lib/http-browser";
import { APP_CALLBACK, authorizeParams, authorizePath, codeOf, pkcePair, start } from "./helpers";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await start({ extraRedirectUris: ["http://localhost:4000/archives"] });
});
afterAll(() => emulator.close());

function ooops(step: { status: number; location: string | null }) {
  expect(step.status).toBe(302);
  const location = new URL(step.location ?? "", "http://x.invalid");
  expect(location.pathname).toBe("/ooops");
  return {
    exception: location.searchParams.get("oauth_exception"),
    details: location.searchParams.get("exception_details"),
  };
}

// An unknown client and a bad redirect URI are unauthorized_client with the documented details
// (livechat-public-docs src/pages/authorization/troubleshooting/index.mdx L128-136, L200-206).
describe("authorize refusals never reach the app", () => {
  it.each([
    ["an unknown client", { client_id: "nope" }, "unauthorized_client", "client_id_not_found"],
    ["a missing client_id", { client_id: "" }, "unauthorized_client", "client_id_not_found"],
    ["a missing redirect_uri", { redirect_uri: "" }, "unauthorized_client", "redirect_uri_not_set"],
    [
      "another port",
      { redirect_uri: "http://localhost:4001/cb" },
      "unauthorized_client",
      "invalid_redirect_uri",
    ],
    [
      "another scheme",
      { redirect_uri: "https://localhost:3000/cb" },
      "unauthorized_client",
      "invalid_redirect_uri",
    ],
    [
      "another host",
      { redirect_uri: "http://evil.test:3000/cb" },
      "unauthorized_client",
      "invalid_redirect_uri",
    ],
    [
      "user info in the URI",
      { redirect_uri: "http://evil@localhost:3000/cb" },
      "unauthorized_client",
      "invalid_redirect_uri",
    ],
    [
      "path traversal",
      { redirect_uri: "http://localhost:4000/archives/../admin" },
      "unauthorized_client",
      "invalid_redirect_uri",
    ],
    // Both resolve inside the whitelisted prefix: only the traversal rule itself refuses them.
    [
      "path traversal back into the prefix",
      { redirect_uri: "http://localhost:4000/archives/x/../chats" },
      "unauthorized_client",
      "invalid_redirect_uri",
    ],
    [
      "a traversal split by a tab",
      { redirect_uri: "http://localhost:4000/archives/x/.\t./chats" },
      "unauthorized_client",
      "invalid_redirect_uri",
    ],
    [
      "a longer port",
      { redirect_uri: "http://localhost:30001/cb" },
      "unauthorized_client",
      "invalid_redirect_uri",
    ],
    [
      "the host as a subdomain of another",
      { redirect_uri: "http://localhost:3000.evil.test/cb" },
      "unauthorized_client",
      "invalid_redirect_uri",
    ],
    [
      "the host as user info",
      { redirect_uri: "http://localhost:3000@evil.test/cb" },
      "unauthorized_client",
      "invalid_redirect_uri",
    ],
    [
      "encoded path traversal",
      { redirect_uri: "http://localhost:4000/archives/%2E%2E/admin" },
      "unauthorized_client",
      "invalid_redirect_uri",
    ],
    [
      "a path outside the whitelisted prefix",
      { redirect_uri: "http://localhost:4000/" },
      "unauthorized_client",
      "invalid_redirect_uri",
    ],
    [
      "a fragment",
      { redirect_uri: "http://localhost:3000/cb#x" },
      "unauthorized_client",
      "invalid_redirect_uri",
    ],
    ["a missing response_type", { response_type: "" }, "invalid_request", "response_type_not_set"],
    ["the implicit grant", { response_type: "token" }, "unsupported_response_type", null],
    ["an unknown scope", { scope: "accounts--my:ro,agents--all:rw" }, "invalid_scope", null],
    [
      "an unknown PKCE method",
      { code_challenge: "a".repeat(43), code_challenge_method: "S512" },
      "invalid_request",
      "invalid_code_challenge",
    ],
    [
      "a too short code_challenge",
      { code_challenge: "short", code_challenge_method: "S256" },
      "invalid_request",
      "invalid_code_challenge",
    ],
    [
      "a method without a challenge",
      { code_challenge_method: "S256" },
      "invalid_request",
      "invalid_code_challenge",
    ],
  ])("sends %s to /ooops", async (_, override, exception, details) => {
    const params = { ...authorizeParams("marketplace-app"), ...override };
    const step = await new HttpBrowser(emulator.url).get(
      `/?${new URLSearchParams(params).toString()}`,
    );
    expect(ooops(step)).toEqual({ exception, details });
  });

  it("requires PKCE from a JavaScript app", async () => {
    const step = await new HttpBrowser(emulator.url).get(authorizePath("javascript-app"));
    expect(ooops(step)).toEqual({
      exception: "invalid_request",
      details: "code_challenge_required",
    });
  });

  it("explains the problem on the /ooops page", async () => {
    const page = await new HttpBrowser(emulator.url).get(
      "/ooops?oauth_exception=invalid_request&exception_details=invalid_redirect_uri",
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain("not on the app&#39;s redirect URI whitelist");
    expect(page.html).toContain("invalid_redirect_uri");
  });

  it("accepts a path below a whitelisted path", async () => {
    const step = await new HttpBrowser(emulator.url).get(
      authorizePath("marketplace-app", { redirect_uri: "http://localhost:4000/archives/chats" }),
    );
    expect(step.status).toBe(200);
    expect(step.html).toContain('action="/signin"');
  });
});

describe("sign-in page", () => {
  it("shows an Email form and the seeded accounts, and sets the emulator's own cookie", async () => {
    const browser = new HttpBrowser(emulator.url);
    const page = await browser.get(authorizePath("marketplace-app"));
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<label for="email">Email<\/label><input id="email" name="email"/);
    expect(page.html).toContain(">Sign in</button>");
    expect(page.html).toContain(">Continue as alice@acme.test</button>");
    expect(page.html).toContain(">Continue as greta@globex.test</button>");
    expect(page.html).toContain("Agent Board (Marketplace)");
    expect(browser.cookieHeader(emulator.url)).toMatch(/^lc_emulator_session=/);
  });

  it("answers an unknown email with the sign-in page and an error, not a redirect", async () => {
    const browser = new HttpBrowser(emulator.url);
    const page = await browser.get(authorizePath("marketplace-app"));
    const retry = await browser.signIn(page, "mallory@nowhere.test");
    expect(retry.status).toBe(401);
    expect(retry.location).toBeNull();
    expect(retry.html).toContain("There is no LiveChat account for &#34;mallory@nowhere.test&#34;");
    expect(retry.html).toContain('action="/signin"');
  });

  it("refuses a form posted without the session cookie", async () => {
    const browser = new HttpBrowser(emulator.url);
    const page = await browser.get(authorizePath("marketplace-app"));
    const stranger = new HttpBrowser(emulator.url);
    const refused = await stranger.signIn(page, "alice@acme.test");
    expect(refused.status).toBe(403);
  });

  it("escapes what the user and the request supply", async () => {
    const browser = new HttpBrowser(emulator.url);
    const page = await browser.get(authorizePath("marketplace-app"));
    const retry = await browser.signIn(page, "<script>alert(1)</script>");
    expect(retry.html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    const ooopsPage = await browser.get(
      "/ooops?oauth_exception=%3Cscript%3E&exception_details=%3Cimg%3E",
    );
    expect(`${retry.html}${ooopsPage.html}`).not.toMatch(/<script>|<img>/);
  });
});

describe("consent and the redirect back", () => {
  it("names the app and the scopes, then redirects with a region-prefixed code and the unchanged state", async () => {
    const browser = new HttpBrowser(emulator.url);
    const state = "s p/a?c=e&x=<y>";
    const signInPage = await browser.get(
      authorizePath("marketplace-app", { state, scope: "accounts--my:ro,agents--all:ro" }),
    );
    const afterSignIn = await browser.signIn(signInPage, "alice@acme.test");
    expect(afterSignIn.status).toBe(303);
    const consentPage = await browser.get(afterSignIn.location ?? "");
    expect(consentPage.html).toContain("Allow Agent Board (Marketplace)?");
    expect(consentPage.html).toContain("accounts--my:ro");
    expect(consentPage.html).toContain("agents--all:ro");
    expect(consentPage.html).not.toContain("chats--all:ro");
    expect(consentPage.html).toContain(">Allow</button>");
    expect(consentPage.html).toContain(">Deny</button>");

    const back = await browser.consent(consentPage, "allow");
    expect(back.status).toBe(303);
    const location = new URL(back.location ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(APP_CALLBACK);
    expect(location.searchParams.get("state")).toBe(state);
    expect(location.searchParams.get("code")).toMatch(/^dal:[A-Za-z0-9_-]{20,}$/);
    expect(back.location).toContain("code=dal%3A");
  });

  it("prefixes codes with the organization's prefix: fra-a for Globex Europe, as the spec's examples", async () => {
    const step = await new HttpBrowser(emulator.url).authorize(
      authorizePath("marketplace-app"),
      "greta@globex.test",
    );
    expect(codeOf(step)).toMatch(/^fra-a:[A-Za-z0-9_-]{20,}$/);
  });

  // The docs' example of a request without state comes back with `&state=` (oauth-authorization/
  // index.mdx L555-558).
  it("sends an empty state back when the app sent none", async () => {
    const params = authorizeParams("marketplace-app");
    delete params.state;
    const step = await new HttpBrowser(emulator.url).authorize(
      `/?${new URLSearchParams(params).toString()}`,
    );
    expect(step.location).toMatch(/\?code=dal%3A[^&]+&state=$/);
    expect(new URL(step.location ?? "").searchParams.get("state")).toBe("");
  });

  it("shows an explanation and does not redirect when the user denies", async () => {
    const browser = new HttpBrowser(emulator.url);
    const signInPage = await browser.get(authorizePath("marketplace-app"));
    const consentPage = await browser.get(
      (await browser.signIn(signInPage, "nora@acme.test")).location ?? "",
    );
    const denied = await browser.consent(consentPage, "deny");
    expect(denied.status).toBe(200);
    expect(denied.location).toBeNull();
    expect(denied.html).toContain("You did not allow <strong>Agent Board (Marketplace)</strong>");
    // Nothing was granted: the next attempt asks again.
    const again = await browser.get(authorizePath("marketplace-app"));
    expect(again.html).toContain('action="/consent"');
  });

  it("skips consent once granted, asks again for new scopes or prompt=consent", async () => {
    await fetch(`${emulator.url}/_emulator/reset`, { method: "POST" });
    const browser = new HttpBrowser(emulator.url);
    codeOf(await browser.authorize(authorizePath("marketplace-app", { scope: "accounts--my:ro" })));
    const granted = await browser.get(
      authorizePath("marketplace-app", { scope: "accounts--my:ro" }),
    );
    expect(granted.status).toBe(302);
    expect(codeOf(granted)).toMatch(/^dal:/);
    const wider = await browser.get(authorizePath("marketplace-app"));
    expect(wider.html).toContain('action="/consent"');
    const forced = await browser.get(
      authorizePath("marketplace-app", { scope: "accounts--my:ro", prompt: "consent" }),
    );
    expect(forced.html).toContain('action="/consent"');
  });

  it("keeps sign-in per browser cookie and consent per account, as LiveChat does", async () => {
    await fetch(`${emulator.url}/_emulator/reset`, { method: "POST" });
    const first = new HttpBrowser(emulator.url);
    codeOf(await first.authorize(authorizePath("marketplace-app"), "victor@acme.test"));
    const other = new HttpBrowser(emulator.url);
    const signInPage = await other.get(authorizePath("marketplace-app"));
    expect(signInPage.html).toContain('action="/signin"');
    // After sign-in the emulator sends the browser back to authorize; follow that one hop.
    const afterSignIn = async (browser: HttpBrowser, email: string, page: Step) =>
      browser.get((await browser.signIn(page, email)).location!);
    const sameAccount = await afterSignIn(other, "victor@acme.test", signInPage);
    expect(sameAccount.status).toBe(302);
    expect(codeOf(sameAccount)).toMatch(/^dal:/);
    const third = new HttpBrowser(emulator.url);
    const anotherAccount = await afterSignIn(
      third,
      "adam@acme.test",
      await third.get(authorizePath("marketplace-app")),
    );
    expect(anotherAccount.html).toContain('action="/consent"');
  });

  it("skips consent for a private app used by its own organization, unless prompt=consent", async () => {
    const browser = new HttpBrowser(emulator.url);
    const signInPage = await browser.get(authorizePath("private-app"));
    const signedIn = await browser.signIn(signInPage, "adam@acme.test");
    const back = await browser.get(signedIn.location ?? "");
    expect(back.status).toBe(302);
    expect(codeOf(back)).toMatch(/^dal:/);
    const forced = await browser.get(authorizePath("private-app", { prompt: "consent" }));
    expect(forced.html).toContain("Allow Agent Board (Private)?");
  });

  it("refuses a private app to another organization", async () => {
    const step = await new HttpBrowser(emulator.url).authorize(
      authorizePath("private-app"),
      "greta@globex.test",
    );
    expect(ooops(step)).toEqual({
      exception: "unauthorized_client",
      details: "private_app_other_organization",
    });
  });

  it("accepts S256, s256 and plain PKCE methods", async () => {
    const { challenge } = pkcePair();
    for (const method of ["S256", "s256", "plain"]) {
      const step = await new HttpBrowser(emulator.url).authorize(
        authorizePath("javascript-app", {
          code_challenge: challenge,
          code_challenge_method: method,
        }),
      );
      expect(codeOf(step)).toMatch(/^dal:/);
    }
  });
});

// "There's a limit of 3 redirects in 30 seconds to the Livechat OAuth 2.1 server per client per
// user account" (oauth-authorization/index.mdx L50).
describe("3 redirects in 30 s per client and account", () => {
  let limited: RunningEmulator;
  beforeAll(async () => {
    limited = await start({ redirectLimit: true });
  });
  afterAll(() => limited.close());

  it("sends the fourth authorization within 30 s to /ooops with too_many_redirects", async () => {
    const browser = new HttpBrowser(limited.url);
    for (let i = 0; i < 3; i += 1) {
      codeOf(await browser.authorize(authorizePath("marketplace-app"), "adam@acme.test"));
    }
    const fourth = await browser.get(authorizePath("marketplace-app"));
    expect(ooops(fourth)).toEqual({ exception: "invalid_request", details: "too_many_redirects" });
    const page = await browser.get(fourth.location ?? "");
    expect(page.html).toContain("3 sign-ins per app and account in 30 seconds");
    // Per client and per account: another app, or another account, is not limited.
    codeOf(await browser.get(authorizePath("private-app")));
    const other = new HttpBrowser(limited.url);
    codeOf(await other.authorize(authorizePath("marketplace-app"), "victor@acme.test"));
  });

  it("is lifted by the test control until the next reset", async () => {
    const control = (body: unknown) =>
      fetch(`${limited.url}/_emulator/redirect-limit`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await control({ enabled: false })).status).toBe(200);
    const browser = new HttpBrowser(limited.url);
    for (let i = 0; i < 5; i += 1) {
      codeOf(await browser.authorize(authorizePath("marketplace-app"), "nora@acme.test"));
    }
    expect((await control({ enabled: "no" })).status).toBe(400);
    await fetch(`${limited.url}/_emulator/reset`, { method: "POST" });
    const again = new HttpBrowser(limited.url);
    for (let i = 0; i < 3; i += 1) {
      codeOf(await again.authorize(authorizePath("marketplace-app"), "nora@acme.test"));
    }
    expect(ooops(await again.get(authorizePath("marketplace-app"))).details).toBe(
      "too_many_redirects",
    );
  });
});
