import { emulator } from "../../scripts/lib/emulator-control";
import { resetDatabase } from "../../scripts/lib/app-database";
import { stack } from "../../scripts/lib/stack-env";
import { expect, signInToDashboard, test } from "./fixtures";

test.beforeEach(async () => {
  await resetDatabase(stack.databaseUrl);
  await emulator.reset();
});

test("the token expires while the dashboard is open: a reload still shows the agents", async ({
  page,
  appUrl,
}) => {
  await signInToDashboard(page, appUrl, "alice@acme.test");
  const alice = await emulator.account("alice@acme.test");
  await emulator.expire({ account_id: alice.account_id });
  await emulator.clearRequests();

  await page.reload();

  await expect(page).toHaveURL(`${appUrl}/dashboard`);
  await expect(page.locator('tr[data-agent-id="alice@acme.test"]')).toBeVisible();
  expect((await emulator.requests()).counts["POST /v2/token"]).toBe(1);
});

test("the refresh token is revoked at LiveChat: a reload lands on sign-in with the reason", async ({
  page,
  appUrl,
}) => {
  await signInToDashboard(page, appUrl, "alice@acme.test");
  const alice = await emulator.account("alice@acme.test");
  await emulator.revoke({ account_id: alice.account_id });

  await page.reload();

  await expect(page).toHaveURL(/\/\?reason=access_revoked/);
  await expect(page.getByRole("status")).toContainText("Sign in again to continue");
  await expect(page.getByRole("button", { name: "Sign in with LiveChat" })).toBeVisible();
  // The app's session is over too: the dashboard stays closed until the user signs in again.
  await page.goto(`${appUrl}/dashboard`);
  await expect(page).toHaveURL(`${appUrl}/?callbackUrl=%2Fdashboard`);
});

test("LiveChat is down and the token has expired: the dashboard says so and offers a retry, no error page", async ({
  page,
  appUrl,
}) => {
  await signInToDashboard(page, appUrl, "alice@acme.test");
  const alice = await emulator.account("alice@acme.test");
  await emulator.expire({ account_id: alice.account_id });
  await emulator.fault({ endpoint: "/v2/token", status: 503 });

  await page.reload();

  // In the page, not the toast that says the same.
  await expect(
    page.locator("main").getByRole("alert").filter({ hasText: "LiveChat is unreachable" }),
  ).toBeVisible();
  await expect(page.getByText("Signed in as Alice Archer")).toBeVisible();
  await emulator.clearFaults();
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page.locator('tr[data-agent-id="alice@acme.test"]')).toBeVisible();
});
