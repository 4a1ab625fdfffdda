import { test as base, type BrowserContext, expect, type Page } from "@playwright/test";
import { SESSION_COOKIE, signInOverHttp } from "../../scripts/lib/sign-in-over-http";
import { stack } from "../../scripts/lib/stack-env";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * The one seeded avatar on LiveChat's CDN (`cdn.livechatinc.com/avatars/1.png`, scheme-less as the
 * docs' list_agents sample sends it): the app shows it as the https URL a real browser would load,
 * and the browser gets it from here, so the page renders as in production and nothing leaves the
 * machine. Any other off-machine request still fails the test.
 */
const LIVECHAT_CDN_AVATAR = "https://cdn.livechatinc.com/avatars/1.png";
const CDN_AVATAR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><rect width="96" height="96" fill="#00893c"/></svg>';

/**
 * Every browser context of every test (the default `page`'s and any the test opens) refuses a
 * request that would leave this machine, and the test fails if one was tried; the attempts are
 * `offMachineRequests`. `appUrl` is the public app's URL.
 */
export const test = base.extend<{ appUrl: string; offMachineRequests: string[] }>({
  appUrl: async ({}, use) => use(stack.appUrl),
  offMachineRequests: [
    async ({ browser, context }, use) => {
      const attempts: string[] = [];
      const guard = (guarded: BrowserContext) =>
        guarded.route("**/*", (route) => {
          const url = new URL(route.request().url());
          if (url.protocol === "data:" || LOOPBACK.has(url.hostname)) return route.continue();
          if (url.href === LIVECHAT_CDN_AVATAR && route.request().method() === "GET")
            return route.fulfill({ contentType: "image/svg+xml", body: CDN_AVATAR_SVG });
          attempts.push(url.toString());
          return route.abort();
        });
      const guardNew = (opened: BrowserContext) => void guard(opened).catch(() => {});
      browser.on("context", guardNew);
      await guard(context);
      await use(attempts);
      browser.off("context", guardNew);
      expect(attempts, "requests that would leave the machine").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Signs in through the emulator's real pages (consent included when asked), starting from a page with the button. */
export async function signInThroughEmulator(
  page: Page,
  email: string,
  decision: "Allow" | "Deny" = "Allow",
) {
  const atEmulator = (url: URL) => url.origin === stack.emulatorUrl;
  await page.getByRole("button", { name: "Sign in with LiveChat" }).click();
  await page.waitForURL(atEmulator);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const consent = page.getByRole("button", { name: decision });
  const next = await Promise.race([
    consent.waitFor().then(
      () => "consent",
      () => "",
    ),
    page
      .waitForURL((url) => !atEmulator(url))
      .then(
        () => "app",
        () => "",
      ),
  ]);
  if (next === "consent") await consent.click();
}

/** From the app's start page to a dashboard showing agents, as `email`. */
export async function signInToDashboard(page: Page, appUrl: string, email: string) {
  await page.goto(appUrl);
  await signInThroughEmulator(page, email);
  await expect(page.locator("tbody tr").first()).toBeVisible();
}

/**
 * The app's session cookie of `email`, signed in over HTTP (no browser): a describe signs in once
 * and adds it to each test's context with `context.addCookies([cookie])`.
 */
export async function sessionCookie(appUrl: string, email: string): Promise<SessionCookie> {
  const { browser } = await signInOverHttp(appUrl, email);
  const value = browser.cookie(appUrl, SESSION_COOKIE);
  if (!value) throw new Error(`signing in ${email} over HTTP left no session cookie`);
  return { name: SESSION_COOKIE, value, url: appUrl, httpOnly: true, sameSite: "Lax" };
}

export type SessionCookie = Parameters<BrowserContext["addCookies"]>[0][number];

/** The ids of the agent rows now shown, in their order. */
export async function shownAgentIds(page: Page): Promise<string[]> {
  return page
    .locator("tr[data-agent-id]")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-agent-id") ?? ""));
}

/**
 * The agent ids of every page of the dashboard's list, from the one shown now, following
 * "Next →" as a user would until there is none.
 */
export async function agentIdsOnEveryPage(page: Page): Promise<string[]> {
  const pages = page.getByRole("navigation", { name: "Pages" });
  const ids: string[] = [];
  for (let shown = 1; ; shown++) {
    await expect(page.locator("tr[data-agent-id]").first()).toBeVisible();
    ids.push(...(await shownAgentIds(page)));
    const next = pages.getByRole("link", { name: "Next →" });
    if ((await next.count()) === 0) return ids;
    await next.click();
    await expect(pages).toContainText(`Page ${shown + 1} of`);
  }
}

/**
 * Waits until React has hydrated the element `selector` names (its props are attached), so that
 * typing or clicking reaches the app: a streamed page shows its HTML before its script runs.
 */
export async function expectHydrated(page: Page, selector: string) {
  await expect
    .poll(() =>
      page
        .locator(selector)
        .evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps"))),
    )
    .toBe(true);
}

/** Clicks the header's Sign out once React has hydrated it: a click before that does nothing. */
export async function clickSignOut(page: Page) {
  const button = page.getByRole("button", { name: "Sign out" });
  await expect
    .poll(() =>
      button.evaluate((element) =>
        Object.keys(element).some((key) => key.startsWith("__reactProps")),
      ),
    )
    .toBe(true);
  await button.click();
}
