import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { resetDatabase, withDatabase } from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { expect, sessionCookie, shownAgentIds, test } from "./fixtures";
import {
  ADMINS_ONLY,
  enableLikeDevtools,
  settingsForm,
  storedSettings,
  toast,
} from "./settings-helpers";

// The organization's settings at /dashboard/settings: an admin's save shows on the board (its note,
// its default status), a normal agent sees them read-only and a forced save is refused by the
// server, with a toast each time.

let alice: Awaited<ReturnType<typeof sessionCookie>>;
let nora: Awaited<ReturnType<typeof sessionCookie>>;

const clearSettings = () =>
  withDatabase(stack.databaseUrl, (db) => db.query(`DELETE FROM "OrganizationSettings"`));

async function acmeAgentIds(status?: string): Promise<string[]> {
  const { agents } = await emulator.fixtures();
  return agents
    .filter((a) => a.id.endsWith("@acme.test") && (!status || a.routing_status === status))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((a) => a.id);
}

const note = (page: Page) =>
  page.getByRole("status").filter({ hasText: "Note from your organization" });

test.beforeAll(async () => {
  await resetDatabase(stack.databaseUrl);
  await emulator.reset();
  alice = await sessionCookie(stack.appUrl, "alice@acme.test");
  nora = await sessionCookie(stack.appUrl, "nora@acme.test");
});

test.beforeEach(clearSettings);
// The other suites expect an organization without settings.
test.afterAll(clearSettings);

test("an owner changes the settings and the dashboard shows the note and the default status", async ({
  page,
  context,
}) => {
  await context.addCookies([alice]);
  await page.goto(`${stack.appUrl}/dashboard`);
  await expect(page.locator("tr[data-agent-id]")).toHaveCount((await acmeAgentIds()).length);
  await expect(note(page)).toHaveCount(0);

  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
  await settingsForm(page).getByRole("checkbox", { name: "Offline" }).check();
  await settingsForm(page).getByLabel("Note for every agent").fill("Lunch is 12-13.\nBack at 13.");
  await settingsForm(page).getByRole("button", { name: "Save settings" }).click();

  await expect(toast(page, "success")).toHaveText("Settings saved.");
  await expect(settingsForm(page).locator("[data-saved-at]")).toContainText("Last saved");
  expect(await storedSettings()).toEqual([
    { defaultStatuses: ["offline"], note: "Lunch is 12-13.\nBack at 13." },
  ]);

  await page.getByRole("link", { name: "← All agents" }).click();
  await expect(note(page)).toContainText("Lunch is 12-13.");
  await expect(page.locator("tr[data-agent-id]").first()).toBeVisible();
  expect(await shownAgentIds(page)).toEqual(await acmeAgentIds("offline"));
  await expect(page.locator("#status")).toContainText("Offline");

  // The URL's status wins, and "All statuses" is still there: ?status=all.
  await page.goto(`${stack.appUrl}/dashboard?status=accepting_chats`);
  await expect(page.locator("tr[data-agent-id]").first()).toBeVisible();
  expect(await shownAgentIds(page)).toEqual(await acmeAgentIds("accepting_chats"));
  await page.goto(`${stack.appUrl}/dashboard?status=all`);
  await expect(page.locator("tr[data-agent-id]")).toHaveCount((await acmeAgentIds()).length);
  await expect(page.locator("#status")).toContainText("All statuses");
  await expect(note(page)).toContainText("Back at 13.");
});

test("a normal agent sees the settings read-only, and a forced save is refused by the server", async ({
  page,
  context,
}) => {
  await context.addCookies([alice]);
  await page.goto(`${stack.appUrl}/dashboard/settings`);
  await settingsForm(page).getByLabel("Note for every agent").fill("Set by Alice.");
  await settingsForm(page).getByRole("button", { name: "Save settings" }).click();
  await expect(toast(page, "success")).toHaveText("Settings saved.");
  const before = await storedSettings();

  await context.clearCookies();
  await context.addCookies([nora]);
  await page.goto(`${stack.appUrl}/dashboard/settings`);
  await expect(settingsForm(page).getByRole("status")).toContainText(ADMINS_ONLY);
  await expect(settingsForm(page).getByLabel("Note for every agent")).toBeDisabled();
  await expect(settingsForm(page).getByLabel("Note for every agent")).toHaveValue("Set by Alice.");
  await expect(settingsForm(page).getByRole("checkbox", { name: "Offline" })).toBeDisabled();
  await expect(settingsForm(page).getByRole("button", { name: "Save settings" })).toBeDisabled();

  // What a user with devtools can do: enable the form and submit it.
  await enableLikeDevtools(settingsForm(page));
  await settingsForm(page).getByLabel("Note for every agent").fill("Nora was here.");
  await settingsForm(page).getByRole("button", { name: "Save settings" }).click();

  await expect(toast(page, "error")).toHaveText(ADMINS_ONLY);
  expect(await storedSettings()).toEqual(before);
  await page.goto(`${stack.appUrl}/dashboard`);
  await expect(note(page)).toContainText("Set by Alice.");
});

test("an invalid note is explained at its field and in a toast, and nothing is saved", async ({
  page,
  context,
}) => {
  await context.addCookies([alice]);
  await page.goto(`${stack.appUrl}/dashboard/settings`);
  await settingsForm(page).getByLabel("Note for every agent").fill("x".repeat(300));
  await expect(settingsForm(page)).toContainText("300 of 280");
  await settingsForm(page).getByRole("button", { name: "Save settings" }).click();

  await expect(toast(page, "error")).toContainText("Settings were not saved");
  await expect(settingsForm(page).locator("#settings-note-error")).toHaveText(
    "The note can be at most 280 characters (it has 300).",
  );
  await expect(settingsForm(page).getByLabel("Note for every agent")).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  expect(await storedSettings()).toEqual([]);
});

test("LiveChat unreachable while saving: a toast says the settings were not saved", async ({
  page,
  context,
}) => {
  await context.addCookies([alice]);
  await page.goto(`${stack.appUrl}/dashboard/settings`);
  await expect(settingsForm(page)).toBeVisible();
  await emulator.fault({
    endpoint: "/v3.6/configuration/action/list_agents",
    method: "POST",
    status: 503,
  });
  try {
    await settingsForm(page).getByLabel("Note for every agent").fill("Never stored.");
    await settingsForm(page).getByRole("button", { name: "Save settings" }).click();
    await expect(toast(page, "error")).toHaveText(
      "LiveChat is unreachable: settings were not saved.",
    );
  } finally {
    await emulator.clearFaults();
  }
  expect(await storedSettings()).toEqual([]);
});

test("the settings page: no sideways scroll at 280 px, both themes, axe-clean", async ({
  page,
  context,
}) => {
  await context.addCookies([nora]);
  for (const theme of ["light", "dark"]) {
    await page.setViewportSize({ width: 280, height: 800 });
    await page.goto(`${stack.appUrl}/dashboard/settings?theme=${theme}`);
    await expect(settingsForm(page)).toBeVisible();
    await expect(page.locator("html")).toHaveClass(new RegExp(`lc-${theme}-theme`));
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await page.setViewportSize({ width: 1280, height: 800 });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious, `axe, ${theme}`).toEqual([]);
  }
});
