import { test as base, expect, type Page } from "@playwright/test";
import { stack } from "../../scripts/lib/stack-env";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * `page` refuses any request that would leave this machine (and fails the test if one was tried);
 * `appUrl` is the public app's URL.
 */
export const test = base.extend<{ appUrl: string; offMachineRequests: string[] }>({
  appUrl: async ({}, use) => use(stack.appUrl),
  offMachineRequests: async ({ page }, use) => {
    const attempts: string[] = [];
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === "data:" || LOOPBACK.has(url.hostname)) return route.continue();
      attempts.push(url.toString());
      return route.abort();
    });
    await use(attempts);
    expect(attempts, "requests that would leave the machine").toEqual([]);
  },
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
