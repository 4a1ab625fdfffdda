import { SEEDED } from "../../emulator/fixtures";
import { emulator } from "../../scripts/lib/emulator-control";
import { resetDatabase } from "../../scripts/lib/app-database";
import { stack } from "../../scripts/lib/stack-env";
import { expect, signInToDashboard, test } from "./fixtures";

const ACME = SEEDED.organizations.acme;

test.beforeEach(async () => {
  await resetDatabase(stack.databaseUrl);
  await emulator.reset();
});

test("a Marketplace install lands on the Direct installation URL and ends signed in, without using LiveChat's unsolicited code", async ({
  page,
  appUrl,
}) => {
  const unsolicited: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/install" && url.searchParams.has("code"))
      unsolicited.push(url.searchParams.get("code")!);
  });
  const install = new URL("/_emulator/marketplace/install", stack.emulatorUrl);
  install.search = new URLSearchParams({
    client_id: "marketplace-app",
    redirect_uri: `${appUrl}/install`,
  }).toString();

  await page.goto(install.toString());
  await page.getByLabel("Email").fill("alice@acme.test");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("button", { name: "Allow" }).click();

  // The app starts its own sign-in; LiveChat completes it with no second consent.
  await expect(page).toHaveURL(`${appUrl}/dashboard`);
  await expect(page.locator('tr[data-agent-id="alice@acme.test"]')).toBeVisible();
  expect(unsolicited).toHaveLength(1);
  // The app never exchanged that code: it is still unused at LiveChat.
  const exchange = await fetch(`${stack.emulatorUrl}/v2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: unsolicited[0]!,
      client_id: "marketplace-app",
      client_secret: "marketplace-app-secret",
      redirect_uri: `${appUrl}/install`,
    }).toString(),
  });
  expect(exchange.status).toBe(200);
});

test("an uninstall signs the organization's users out", async ({ page, appUrl }) => {
  await signInToDashboard(page, appUrl, "alice@acme.test");

  const delivery = await emulator.installation({
    client_id: "marketplace-app",
    organization_id: ACME,
    event: "application_uninstalled",
  });
  expect(delivery).toEqual({ delivered: true, status: 200 });
  await page.reload();

  await expect(page).toHaveURL(`${appUrl}/?callbackUrl=%2Fdashboard`);
  await expect(page.getByRole("button", { name: "Sign in with LiveChat" })).toBeVisible();
});
