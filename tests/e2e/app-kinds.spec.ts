import { SEEDED } from "../../emulator/fixtures";
import { emulator } from "../../scripts/lib/emulator-control";
import { NO_ROWS, resetDatabase, rowCounts } from "../../scripts/lib/app-database";
import { stack } from "../../scripts/lib/stack-env";
import {
  agentIdsOnEveryPage,
  clickSignOut,
  expect,
  signInThroughEmulator,
  signInToDashboard,
  test,
} from "./fixtures";

const ACME = SEEDED.organizations.acme;
const GLOBEX = SEEDED.organizations.globex;

test.beforeEach(async () => {
  await Promise.all([resetDatabase(stack.databaseUrl), resetDatabase(stack.privateDatabaseUrl)]);
  await emulator.reset();
});

test.describe("private app (its own organization only)", () => {
  test("an agent of its organization signs in without a consent screen and sees its agents", async ({
    page,
  }) => {
    await page.goto(stack.privateAppUrl);
    await page.getByRole("button", { name: "Sign in with LiveChat" }).click();
    await page.getByLabel("Email").fill("nora@acme.test");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();

    await expect(page).toHaveURL(`${stack.privateAppUrl}/dashboard`);
    const acme = (await emulator.fixtures()).agents.filter((a) => a.organization_id === ACME);
    await expect(page.locator("tbody tr")).toHaveCount(acme.length);
  });

  test("an agent of another organization is refused and nothing is stored", async ({ page }) => {
    await page.goto(stack.privateAppUrl);
    await page.getByRole("button", { name: "Sign in with LiveChat" }).click();
    await page.getByLabel("Email").fill("greta@globex.test");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();

    await expect(page.getByText(/private/i).first()).toBeVisible();
    expect(new URL(page.url()).origin).toBe(stack.emulatorUrl);
    expect(await rowCounts(stack.privateDatabaseUrl)).toEqual(NO_ROWS);
  });
});

test.describe("public app (any organization)", () => {
  test("both organizations sign in, and an edited URL never shows the other's agents", async ({
    page,
    appUrl,
  }) => {
    const fixtures = await emulator.fixtures();
    await page.goto(appUrl);
    await signInThroughEmulator(page, "alice@acme.test");
    await expect(page).toHaveURL(`${appUrl}/dashboard`);
    await page.goto(`${appUrl}/dashboard?organization_id=${GLOBEX}&organizationId=${GLOBEX}`);
    const acme = fixtures.agents.filter((a) => a.organization_id === ACME);
    await expect(page.locator("tbody tr")).toHaveCount(acme.length);
    await expect(page.locator(`tr[data-agent-id="greta@globex.test"]`)).toHaveCount(0);

    await page.context().clearCookies();
    await page.goto(appUrl);
    await signInThroughEmulator(page, "greta@globex.test");
    // 500 agents, 50 a page: every page together shows them, and only them.
    const globex = fixtures.agents.filter((a) => a.organization_id === GLOBEX);
    const shown = await agentIdsOnEveryPage(page);
    expect(shown).toHaveLength(globex.length);
    expect(new Set(shown)).toEqual(new Set(globex.map((a) => a.id)));
    expect((await rowCounts(stack.databaseUrl)).Organization).toBe(2);
  });

  test("admins see who installed the app and when; other agents do not", async ({
    page,
    appUrl,
  }) => {
    await page.goto(appUrl);
    await signInThroughEmulator(page, "alice@acme.test");
    await expect(page.getByLabel("Organization")).toContainText("Installed by Alice Archer on");

    await clickSignOut(page);
    await expect(page.getByRole("button", { name: "Sign in with LiveChat" })).toBeVisible();
    await page.context().clearCookies();
    await signInToDashboard(page, appUrl, "nora@acme.test");
    await expect(page.locator("[data-installation]")).toHaveCount(0);
  });
});
