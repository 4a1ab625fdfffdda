import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { emulator } from "../../scripts/lib/emulator-control";
import { resetDatabase } from "../../scripts/lib/app-database";
import { serviceLogs } from "../../scripts/lib/processes";
import { stack } from "../../scripts/lib/stack-env";
import { expect, signInToDashboard, test } from "./fixtures";
import {
  agentAppUrl,
  expectHydratedIn,
  openPopup,
  SESSION_COOKIE,
  signInButton,
  signInInPopup,
  widgetFrame,
} from "./widgets-helpers";

// What a third-party frame must not weaken: who may frame which route, that no token reaches a
// frame or the popup, and that the standalone app keeps its first-party cookies.

test.beforeEach(async () => {
  await resetDatabase(stack.databaseUrl);
  await emulator.reset();
});

/** The origins a response's CSP lets frame it. */
async function frameAncestors(url: string): Promise<{ ancestors: string[]; xfo: string | null }> {
  const response = await fetch(url, { redirect: "manual" });
  await response.body?.cancel();
  const directive = (response.headers.get("content-security-policy") ?? "")
    .split(";")
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === "frame-ancestors");
  return { ancestors: directive?.slice(1) ?? [], xfo: response.headers.get("x-frame-options") };
}

/** A page on an origin no policy lists (another port of 127.0.0.1), framing `urls`. */
async function foreignFramer(
  urls: Record<string, string>,
): Promise<{ url: string; server: Server }> {
  const frames = Object.entries(urls)
    .map(([id, src]) => `<iframe id="${id}" src="${src}" width="400" height="300"></iframe>`)
    .join("\n");
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html><body>${frames}</body></html>`);
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

test("widget routes may be framed only by the Agent App's origins, every other route and the accounts server by nobody, and Chromium enforces it", async ({
  page,
  appUrl,
}) => {
  const widget = await frameAncestors(`${appUrl}/widgets/fullscreen`);
  expect(widget.ancestors).toContain("https://my.livechatinc.com");
  expect(widget.ancestors).toContain(stack.emulatorUrl);
  expect(widget.ancestors).not.toContain("*");
  expect(widget.xfo).toBeNull();
  for (const path of ["/widgets/details", "/widgets/sign-in"]) {
    expect((await frameAncestors(`${appUrl}${path}`)).ancestors).toEqual(widget.ancestors);
  }
  for (const path of ["/", "/dashboard", "/api/auth/providers", "/api/widgets/sign-in"]) {
    expect(await frameAncestors(`${appUrl}${path}`), path).toEqual({
      ancestors: ["'none'"],
      xfo: "DENY",
    });
  }
  const authorize = new URL("/", stack.emulatorUrl);
  authorize.search = new URLSearchParams({
    response_type: "code",
    client_id: "marketplace-app",
    redirect_uri: `${appUrl}/widgets/sign-in`,
    flow: "button",
  }).toString();
  expect(await frameAncestors(authorize.toString())).toEqual({
    ancestors: ["'none'"],
    xfo: "DENY",
  });

  const framed = {
    widget: `${appUrl}/widgets/fullscreen`,
    app: `${appUrl}/`,
    accounts: authorize.toString(),
  };
  const { url, server } = await foreignFramer(framed);
  try {
    expect(widget.ancestors).not.toContain(new URL(url).origin);
    const blocked: string[] = [];
    const reports: string[] = [];
    page.on("requestfailed", (request) => {
      if (request.failure()?.errorText === "net::ERR_BLOCKED_BY_RESPONSE")
        blocked.push(request.url());
    });
    page.on("console", (message) => {
      if (message.text().startsWith("Framing ")) reports.push(message.text());
    });
    await page.goto(url);
    await expect.poll(() => blocked.sort()).toEqual(Object.values(framed).sort());
    // Chromium says why: each response's own frame-ancestors.
    const framing = (origin: string, directive: string) =>
      expect.stringContaining(
        `Framing '${origin}/' violates the following Content Security Policy directive: "frame-ancestors ${directive}"`,
      );
    await expect.poll(() => reports.length).toBe(3);
    expect(reports).toEqual(
      expect.arrayContaining([
        framing(appUrl, widget.ancestors.join(" ")),
        framing(appUrl, "'none'"),
        framing(stack.emulatorUrl, "'none'"),
      ]),
    );
    // None of the three documents rendered: each frame holds Chromium's error page.
    for (const id of Object.keys(framed)) {
      const frame = await (await page.locator(`#${id}`).elementHandle())?.contentFrame();
      expect(frame?.url()).toBe("chrome-error://chromewebdata/");
    }
  } finally {
    server.close();
  }
});

test("no byte any frame or the popup received, no cookie and no frame storage holds the access or refresh token", async ({
  page,
  context,
}) => {
  const received: Promise<string>[] = [];
  context.on("response", (response) => {
    received.push(
      (async () =>
        `${response.url()}\n${JSON.stringify(await response.allHeaders())}\n${await response.text().catch(() => "")}`)(),
    );
  });
  await context.addInitScript(() => {
    // Every message any window got: the popup's result, the Agent App's SDK events.
    const messages: string[] = [];
    Object.assign(window, { __messages: messages });
    window.addEventListener("message", (event) => messages.push(JSON.stringify(event.data)));
    // The popup's last page closes itself as it posts the result, too soon for its body to be
    // read: here it stays open (it still posts), and the test closes it.
    if (window.opener) window.close = () => undefined;
  });

  await page.goto(agentAppUrl("fullscreen"));
  const popup = await openPopup(page, signInButton(widgetFrame(page, "fullscreen")));
  await signInInPopup(popup, "alice@acme.test", { keepsOpen: true });
  const frame = widgetFrame(page, "fullscreen");
  await expect(frame.locator("tr[data-agent-id]").first()).toBeVisible();
  const popupWindow = await popup.evaluate(() =>
    JSON.stringify({
      html: document.documentElement.outerHTML,
      local: { ...localStorage },
      session: { ...sessionStorage },
    }),
  );
  expect(popupWindow).toContain("popup-message");
  await popup.close();
  // A filtered board, reached by a search in the frame (its RSC payload), then the Details widget.
  const search = frame.getByLabel("Search by name or email");
  await expectHydratedIn(search);
  await search.fill("Alice");
  await expect(frame.locator("tr[data-agent-id]")).toHaveCount(1);
  await page.locator('a[data-view="chats"]').click();
  const details = widgetFrame(page, "details");
  await expect(details.locator('section[aria-label="Accepting chats"] li').first()).toBeVisible();
  await expect(details.locator('section[aria-label="Customer"]')).toContainText("Jane Doe");

  const alice = await emulator.account("alice@acme.test");
  const tokens = await emulator.tokens(alice.account_id);
  expect(tokens.length).toBeGreaterThan(0);
  const secrets = tokens
    .flatMap((t) => [t.access_token, t.refresh_token])
    .filter((s): s is string => !!s);
  // The tokens without their region prefix must not appear either.
  const needles = [...secrets, ...secrets.map((s) => s.replace(/^[a-z-]+:/, ""))];

  const bodies = await Promise.all(received);
  // The haystack is real: the popup's result page, the callback and the frames' pages are in it.
  expect(bodies.some((body) => body.includes('id="popup-message"'))).toBe(true);
  expect(bodies.some((body) => body.includes("/api/widgets/sign-in/callback"))).toBe(true);
  expect(bodies.some((body) => body.includes("alice@acme.test"))).toBe(true);
  const frames = page.frames();
  expect(frames.map((f) => new URL(f.url()).pathname)).toEqual(
    expect.arrayContaining(["/agent-app/chats", "/widgets/fullscreen", "/widgets/details"]),
  );
  const storages = await Promise.all(
    frames.map((f) =>
      f.evaluate(() => {
        // With third-party cookies blocked, Chromium denies a third-party frame its storage too.
        const read = (name: "localStorage" | "sessionStorage") => {
          try {
            return { ...window[name] };
          } catch (error) {
            return `unavailable: ${String(error)}`;
          }
        };
        return JSON.stringify({
          url: location.href,
          local: read("localStorage"),
          session: read("sessionStorage"),
          messages: (window as unknown as { __messages?: string[] }).__messages,
        });
      }),
    ),
  );
  expect(storages.some((storage) => storage.includes("customer_profile"))).toBe(true);
  const cookies = JSON.stringify(await context.cookies());
  expect(cookies).toContain(SESSION_COOKIE);
  const appLogs = serviceLogs("app-");
  const haystacks = [...bodies, ...storages, popupWindow, cookies, ...appLogs];
  for (const needle of needles) {
    for (const haystack of haystacks) expect(haystack.includes(needle)).toBe(false);
  }
});

test("the standalone app keeps first-party SameSite=Lax cookies, which a frame never gets", async ({
  page,
  appUrl,
}) => {
  await signInToDashboard(page, appUrl, "alice@acme.test");
  const session = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(session).toMatchObject({ domain: "localhost", sameSite: "Lax", httpOnly: true });
  expect(session?.partitionKey).toBeUndefined();

  // The same browser inside the Agent App: that first-party session is not the frame's.
  await page.goto(agentAppUrl("fullscreen"));
  await expect(signInButton(widgetFrame(page, "fullscreen"))).toBeVisible();
  await page.goto(`${appUrl}/dashboard`);
  await expect(page.locator("tr[data-agent-id]").first()).toBeVisible();
});
