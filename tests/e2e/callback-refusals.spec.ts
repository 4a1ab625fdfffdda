import type { Page } from "@playwright/test";
import { emulator } from "../../scripts/lib/emulator-control";
import { resetDatabase, rowCounts } from "../../scripts/lib/app-database";
import { stack } from "../../scripts/lib/stack-env";
import { HttpBrowser } from "../../scripts/lib/http-browser";
import { clickSignOut, expect, test } from "./fixtures";

test.beforeEach(async () => {
  await resetDatabase(stack.databaseUrl);
  await emulator.reset();
});

/**
 * Starts sign-in in the browser (so it holds the state and PKCE cookies), lets LiveChat approve it,
 * and returns the callback URL LiveChat redirects to, unvisited. (Playwright cannot intercept a
 * redirect, so the emulator's pages are driven over HTTP for this part.)
 */
async function callbackWithoutVisiting(page: Page, appUrl: string, email: string): Promise<URL> {
  await page.goto(appUrl);
  await page.getByRole("button", { name: "Sign in with LiveChat" }).click();
  await page.waitForURL((url) => url.origin === stack.emulatorUrl);
  return new URL(await new HttpBrowser().approve(page.url(), email));
}

async function expectErrorPage(page: Page, code: string, title: RegExp) {
  await expect(page.locator(`[data-error-code="${code}"]`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
}

test("a callback with a state this browser did not start shows the error page and writes nothing", async ({
  page,
  appUrl,
}) => {
  const callback = await callbackWithoutVisiting(page, appUrl, "alice@acme.test");
  const before = await rowCounts(stack.databaseUrl);
  callback.searchParams.set("state", "forged-state-value");
  await page.goto(callback.toString());
  await expectErrorPage(page, "StateMismatch", /not valid/);
  expect(await rowCounts(stack.databaseUrl)).toEqual(before);
});

test("a replayed authorization code shows the error page and writes nothing", async ({
  page,
  appUrl,
}) => {
  const first = await callbackWithoutVisiting(page, appUrl, "alice@acme.test");
  await page.goto(first.toString());
  await expect(page).toHaveURL(`${appUrl}/dashboard`);
  await clickSignOut(page);
  await expect(page.getByRole("button", { name: "Sign in with LiveChat" })).toBeVisible();

  const second = await callbackWithoutVisiting(page, appUrl, "alice@acme.test");
  const before = await rowCounts(stack.databaseUrl);
  second.searchParams.set("code", first.searchParams.get("code")!);
  await page.goto(second.toString());
  await expectErrorPage(page, "CodeRejected", /did not accept the sign-in code/);
  expect(await rowCounts(stack.databaseUrl)).toEqual(before);
});

test("LiveChat's access_denied answer shows the error page and writes nothing", async ({
  page,
  appUrl,
}) => {
  const callback = await callbackWithoutVisiting(page, appUrl, "alice@acme.test");
  const before = await rowCounts(stack.databaseUrl);
  const denied = new URL(callback.pathname, appUrl);
  denied.search = new URLSearchParams({
    error: "access_denied",
    state: callback.searchParams.get("state")!,
  }).toString();
  await page.goto(denied.toString());
  await expectErrorPage(page, "Declined", /cancelled/);
  expect(await rowCounts(stack.databaseUrl)).toEqual(before);
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
});
