import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIVECHAT_AVATAR_ORIGINS } from "@/lib/data/avatar-origins";
import { HttpBrowser } from "../../scripts/lib/http-browser";
import { startProcess, stopAll } from "../../scripts/lib/processes";
import { signInOverHttp } from "../../scripts/lib/sign-in-over-http";
import { appEnv } from "../../scripts/lib/stack";
import { stack } from "../../scripts/lib/stack-env";

// The security headers proxy.ts sets, as the production build sends them: on pages, widgets and
// API routes; a fresh script nonce per response that the HTML's scripts carry; HSTS only over
// https; and, on an app whose URL is https, every cookie Secure and the session-like ones prefixed.

const HSTS = "max-age=63072000; includeSubDomains";
const NONCE = /^'nonce-([A-Za-z0-9+/]+={0,2})'$/;

/** The CSP's directives by name, each with its sources. */
function directives(response: Response): Map<string, string[]> {
  const policy = response.headers.get("content-security-policy") ?? "";
  return new Map(
    policy
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = "", ...sources]) => [name, sources]),
  );
}

const nonceOf = (response: Response) =>
  directives(response)
    .get("script-src")
    ?.map((source) => NONCE.exec(source)?.[1])
    .find(Boolean);

function expectSecurityHeaders(response: Response, framing: "widget" | "none") {
  const csp = directives(response);
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(csp.get("script-src")).toEqual([
    "'self'",
    `'nonce-${nonceOf(response)}'`,
    "'strict-dynamic'",
  ]);
  expect(nonceOf(response)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(csp.get("style-src")).toEqual(["'self'", `'nonce-${nonceOf(response)}'`]);
  expect(csp.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  expect(csp.get("img-src")).toEqual([
    "'self'",
    "data:",
    ...LIVECHAT_AVATAR_ORIGINS,
    new URL(stack.emulatorUrl).origin,
  ]);
  expect(csp.get("connect-src")).toEqual(["'self'"]);
  expect(csp.get("form-action")).toEqual(["'self'", new URL(stack.emulatorUrl).origin]);
  expect(csp.get("base-uri")).toEqual(["'none'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  if (framing === "widget") {
    expect(csp.get("frame-ancestors")).toEqual(
      expect.arrayContaining(["https://my.livechatinc.com", new URL(stack.emulatorUrl).origin]),
    );
    expect(response.headers.get("x-frame-options")).toBeNull();
  } else {
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  }
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  const permissions = response.headers.get("permissions-policy") ?? "";
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
    expect(permissions.split(/,\s*/)).toContain(`${feature}=()`);
  }
  // The stack's apps are plain http.
  expect(response.headers.get("strict-transport-security")).toBeNull();
}

describe("security headers (production build over http)", () => {
  it.each([
    ["the start page", "/"],
    ["a widget", "/widgets/fullscreen"],
    ["next-auth's API", "/api/auth/providers"],
  ])("are on %s", async (_, path) => {
    const response = await fetch(`${stack.appUrl}${path}`, { redirect: "manual" });
    expect(response.status).toBe(200);
    expectSecurityHeaders(response, path.startsWith("/widgets/") ? "widget" : "none");
  });

  it("are on the signed-in dashboard", async () => {
    const { browser } = await signInOverHttp(stack.appUrl, "alice@acme.test");
    const response = await browser.fetch(`${stack.appUrl}/dashboard`);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response, "none");
  });

  it("are on the webhook route's answers", async () => {
    const response = await fetch(
      `${stack.appUrl}/api/livechat/webhooks?secret=${stack.webhookSecret}`,
      { method: "POST", headers: { "content-type": "application/json" }, body: "{}" },
    );
    expect(response.status).toBe(400);
    expectSecurityHeaders(response, "none");
  });

  it("give every response its own nonce, which every script of the page carries", async () => {
    const [first, second] = await Promise.all([fetch(stack.appUrl), fetch(stack.appUrl)]);
    const nonces = [nonceOf(first), nonceOf(second)];
    expect(nonces[0]).not.toBe(nonces[1]);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    // Next's bootstrap and chunks, its inline payload, and the app's system-theme script.
    expect(scripts.length).toBeGreaterThan(3);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonces[0]}"`);
    expect(html).toMatch(/<script nonce="[^"]+">\(\(\)=>\{const m=matchMedia/);
    expect(html).not.toContain(nonces[1]);
  });

  it("ignore a nonce the client sends: the page's nonce is the one the response's CSP names", async () => {
    const forged = "Zm9yZ2VkLW5vbmNlLXZhbHVl";
    const response = await fetch(stack.appUrl, {
      headers: { "x-nonce": forged, "content-security-policy": `script-src 'nonce-${forged}'` },
    });
    expect(nonceOf(response)).not.toBe(forged);
    expect(await response.text()).not.toContain(forged);
  });

  it("add HSTS when a proxy in front says the request came over https", async () => {
    const response = await fetch(`${stack.appUrl}/api/auth/providers`, {
      headers: { "x-forwarded-proto": "https" },
    });
    expect(response.headers.get("strict-transport-security")).toBe(HSTS);
  });
});

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** One Set-Cookie line of `response` by cookie name: its attributes, lower-cased. */
function setCookie(response: Response, name: string): string[] | null {
  const line = response.headers.getSetCookie().find((l) => l.startsWith(`${name}=`));
  return line
    ? line
        .split(";")
        .slice(1)
        .map((part) => part.trim().toLowerCase())
    : null;
}

const cookieNames = (response: Response) =>
  response.headers.getSetCookie().map((line) => line.slice(0, line.indexOf("=")));

describe("cookies and HSTS of an app whose URL is https", () => {
  // The same build and environment as the stack's public app, but NEXTAUTH_URL is https (the
  // server itself speaks http, as behind Vercel's proxy): next-auth names its cookies from that.
  let url = "";

  beforeAll(async () => {
    const port = await freePort();
    url = `http://localhost:${port}`;
    await startProcess("app-https-url", ["npx", "next", "start", "--port", String(port)], {
      env: {
        ...appEnv("public", stack.databaseUrl, stack.tokenEncryptionKey),
        LIVECHAT_WEBHOOK_SECRET: stack.webhookSecret,
        NEXTAUTH_URL: `https://localhost:${port}`,
      },
      readyUrl: `${url}/api/auth/providers`,
      output: "log-file",
    });
  });

  afterAll(stopAll);

  it("next-auth's cookies are Secure with __Host-/__Secure- names", async () => {
    const browser = new HttpBrowser();
    const csrf = await browser.fetch(`${url}/api/auth/csrf`);
    expect(setCookie(csrf, "__Host-next-auth.csrf-token")).toEqual(
      expect.arrayContaining(["path=/", "secure", "httponly", "samesite=lax"]),
    );
    expect(
      setCookie(csrf, "__Host-next-auth.csrf-token")?.some((a) => a.startsWith("domain=")),
    ).toBe(false);
    expect(setCookie(csrf, "__Secure-next-auth.callback-url")).toEqual(
      expect.arrayContaining(["secure", "httponly"]),
    );
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await browser.fetch(`${url}/api/auth/signin/livechat`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/dashboard", json: "true" }).toString(),
    });
    expect(signIn.status).toBe(200);
    for (const name of ["__Secure-next-auth.pkce.code_verifier", "__Secure-next-auth.state"]) {
      expect(setCookie(signIn, name)).toEqual(expect.arrayContaining(["secure", "httponly"]));
    }
    expect(
      [...cookieNames(csrf), ...cookieNames(signIn)].filter((n) => n.startsWith("next-auth")),
    ).toEqual([]);
  });

  it("the widget's pending sign-in cookie is __Secure-, partitioned; the theme cookie Secure", async () => {
    const start = await fetch(`${url}/api/widgets/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body: "{}",
    });
    expect(start.status).toBe(200);
    const { id } = (await start.json()) as { id: string };
    expect(setCookie(start, `__Secure-widget-sign-in-${id}`)).toEqual(
      expect.arrayContaining(["secure", "httponly", "partitioned", "samesite=none"]),
    );
    expect(cookieNames(start)).toEqual([`__Secure-widget-sign-in-${id}`]);

    const page = await fetch(`${url}/?theme=dark`);
    expect(setCookie(page, "theme")).toEqual(expect.arrayContaining(["secure", "samesite=lax"]));
  });

  it("every response has HSTS, the app's URL being https", async () => {
    for (const path of ["/", "/widgets/fullscreen", "/api/auth/providers"]) {
      const response = await fetch(`${url}${path}`, { redirect: "manual" });
      expect(response.headers.get("strict-transport-security")).toBe(HSTS);
    }
  });
});
