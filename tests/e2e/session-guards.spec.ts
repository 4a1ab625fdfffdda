import type { Page } from "@playwright/test";
import { emulator } from "../../scripts/lib/emulator-control";
import { resetDatabase, withDatabase } from "../../scripts/lib/app-database";
import { stack } from "../../scripts/lib/stack-env";
import { expect, signInToDashboard, test } from "./fixtures";

test.beforeEach(async () => {
  await resetDatabase(stack.databaseUrl);
  await emulator.reset();
});

/**
 * Alice is signed in to the app; from the error page's "Try again" this browser signs in to
 * LiveChat as `email` (the emulator forgets Alice first; the app's session stays).
 */
async function signInAsAnotherAccountOverAliceSession(page: Page, appUrl: string, email: string) {
  await signInToDashboard(page, appUrl, "alice@acme.test");
  await page.context().clearCookies({ domain: new URL(stack.emulatorUrl).hostname });
  await page.goto(`${appUrl}/auth/error`);
  await page.getByRole("button", { name: "Try again" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("signing in as another LiveChat account over an open session is refused: two people's accounts never share a user", async ({
  page,
  appUrl,
}) => {
  await signInAsAnotherAccountOverAliceSession(page, appUrl, "greta@globex.test");
  await page.getByRole("button", { name: "Allow" }).click();

  await expect(page.locator('[data-error-code="AlreadySignedIn"]')).toBeVisible();
  const links = await withDatabase(
    stack.databaseUrl,
    async (db) =>
      (
        await db.query(
          `SELECT u.email, count(a.id)::int AS accounts FROM "User" u JOIN "Account" a ON a."userId" = u.id GROUP BY u.email`,
        )
      ).rows,
  );
  expect(links).toEqual([{ email: "alice@acme.test", accounts: 1 }]);
});

test("the same refusal when the other LiveChat account already has its own user", async ({
  page,
  browser,
  appUrl,
}) => {
  const elsewhere = await browser.newPage();
  await signInToDashboard(elsewhere, appUrl, "greta@globex.test");
  await elsewhere.close();
  // Greta consented in the other browser already: LiveChat sends her straight back.
  await signInAsAnotherAccountOverAliceSession(page, appUrl, "greta@globex.test");

  await expect(page.locator('[data-error-code="AlreadySignedIn"]')).toBeVisible();
  await page.goto(`${appUrl}/dashboard`);
  await expect(page.getByText("Signed in as Alice Archer")).toBeVisible();
  await expect(page.locator('tr[data-agent-id="greta@globex.test"]')).toHaveCount(0);
});

test("after sign-in, a return path that leaves the site goes to the dashboard instead", async ({
  page,
  appUrl,
}) => {
  await signInToDashboard(page, appUrl, "alice@acme.test");
  for (const target of ["/%5Cevil.example", "//evil.example", "https://evil.example/", "/"]) {
    await page.goto(`${appUrl}/?callbackUrl=${encodeURIComponent(target)}`);
    await expect(page).toHaveURL(`${appUrl}/dashboard`);
  }
});
