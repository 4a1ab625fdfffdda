import type { BrowserContext } from "@playwright/test";
import { resetDatabase } from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { expect, signInToDashboard, test } from "./fixtures";
import {
  agentAppUrl,
  expectConnected,
  organizationAgents,
  signInInFrame,
  widgetFrame,
} from "./widgets-helpers";

// The production CSP (proxy.ts) in Chromium: nothing the app does is blocked. Every frame and
// window of the context reports its securitypolicyviolation events, and Chromium's console lines
// about the CSP or the Permissions-Policy header count too.

/** Collects what Chromium blocked or refused in any page or frame of `context`. */
async function policyComplaints(context: BrowserContext): Promise<string[]> {
  const complaints: string[] = [];
  await context.exposeBinding("reportPolicyViolation", ({ frame }, text: string) => {
    complaints.push(`${frame.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportPolicyViolation: (text: string) => void })
        .reportPolicyViolation;
      const where = `${event.sourceFile}:${event.lineNumber}`;
      void report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${where})`);
    });
  });
  context.on("console", (message) => {
    if (/content.security.policy|permissions.policy|refused to/i.test(message.text()))
      complaints.push(`console ${message.type()}: ${message.text()}`);
  });
  context.on("weberror", (error) => complaints.push(`page error: ${error.error().message}`));
  return complaints;
}

test.beforeEach(async () => {
  await resetDatabase(stack.databaseUrl);
  await emulator.reset();
});

test("the CSP blocks nothing in the browser app: sign-in, the dashboard with photos and the system theme, an agent page", async ({
  page,
  appUrl,
}) => {
  const complaints = await policyComplaints(page.context());

  // The redirect sign-in from the start page (hydrated: its button is React's), to the dashboard.
  await signInToDashboard(page, appUrl, "alice@acme.test");
  // The system-theme script in <head> ran: no ?theme=, so only it sets the Design System's class.
  expect(await page.evaluate(() => document.documentElement.className)).toMatch(
    /^lc-(light|dark)-theme$/,
  );
  // Photos come from the emulator's origin (img-src), every one loaded.
  const photos = page.locator("tbody img");
  await expect(photos.first()).toBeVisible();
  await expect
    .poll(() =>
      photos.evaluateAll((images) =>
        images.every((image) => (image as HTMLImageElement).naturalWidth > 0),
      ),
    )
    .toBe(true);
  // A client-side navigation (an RSC fetch, scripts loaded by trusted ones).
  await page.locator("tbody a").first().click();
  await expect(page.locator("article[data-agent-id]")).toBeVisible();
  expect(complaints).toEqual([]);
});

test("the CSP blocks nothing in a widget inside the Agent App: the SDK's handshake, the popup sign-in, the board", async ({
  page,
}) => {
  const complaints = await policyComplaints(page.context());
  // The fullscreen widget in the Agent App: SDK handshake by postMessage, the popup sign-in.
  await page.goto(agentAppUrl("fullscreen"));
  await expectConnected(page, "fullscreen");
  await signInInFrame(page, "fullscreen", "alice@acme.test");
  const agents = await organizationAgents();
  await expect(widgetFrame(page, "fullscreen").locator("tr[data-agent-id]")).toHaveCount(
    agents.length,
  );

  expect(complaints).toEqual([]);
});

test("a plain form post to next-auth's sign-in goes on to LiveChat's sign-in page: form-action allows the accounts server", async ({
  page,
  appUrl,
}) => {
  const complaints = await policyComplaints(page.context());
  await page.goto(appUrl);
  const csrfToken = await page.evaluate(async () => {
    const response = await fetch("/api/auth/csrf");
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  });
  // What a no-JavaScript sign-in form would post; next-auth answers with a redirect to LiveChat.
  await page.evaluate(
    (fields) => {
      const form = Object.assign(document.createElement("form"), {
        method: "post",
        action: "/api/auth/signin/livechat",
      });
      for (const [name, value] of Object.entries(fields)) {
        form.append(
          Object.assign(document.createElement("input"), { type: "hidden", name, value }),
        );
      }
      document.body.append(form);
      form.submit();
    },
    { csrfToken, callbackUrl: "/dashboard" },
  );
  await page.waitForURL((url) => url.origin === stack.emulatorUrl);
  await expect(page.getByLabel("Email")).toBeVisible();
  expect(complaints).toEqual([]);
});
