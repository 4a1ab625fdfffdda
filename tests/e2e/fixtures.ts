import { test as base, type BrowserContext, expect, type Page } from "@playwright/test";
import { stack } from "../../scripts/lib/stack-env";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

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
