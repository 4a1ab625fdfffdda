import { resetDatabase } from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { expect, expectHydrated, sessionCookie, type SessionCookie, test } from "./fixtures";
import { toast } from "./settings-helpers";

// LiveChat's answers as the dashboard tells them: a toast when a call fails and when it is back,
// one for a refresh, one for a slow answer; and the page shell never waits for the agent list.

const LIST_AGENTS = "/v3.6/configuration/action/list_agents";

let alice: SessionCookie;

test.beforeAll(async () => {
  await resetDatabase(stack.databaseUrl);
  await emulator.reset();
  alice = await sessionCookie(stack.appUrl, "alice@acme.test");
});

test.beforeEach(async ({ context }) => {
  await emulator.clearFaults();
  await context.addCookies([alice]);
});

test.afterEach(() => emulator.clearFaults());

test("a failed LiveChat call shows an error toast and a panel; once LiveChat is back, Try again says so", async ({
  page,
}) => {
  await emulator.fault({ endpoint: LIST_AGENTS, method: "POST", status: 503 });
  await page.goto(`${stack.appUrl}/dashboard`);

  const error = toast(page, "error");
  await expect(error).toHaveText("LiveChat is unreachable.");
  await expect(error).toHaveRole("alert");
  await expect(
    page.locator("main").getByRole("alert").filter({ hasText: "LiveChat is unreachable" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agents");
  await expect(page.locator("tr[data-agent-id]")).toHaveCount(0);

  await emulator.clearFaults();
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page.locator('tr[data-agent-id="alice@acme.test"]')).toBeVisible();
  await expect(toast(page, "success")).toHaveText("LiveChat is back: agents updated.");
  await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
});

test("Refresh asks LiveChat again and says so in a toast", async ({ page }) => {
  await page.goto(`${stack.appUrl}/dashboard`);
  await expect(page.locator('tr[data-agent-id="alice@acme.test"]')).toBeVisible();
  await expect(page.locator(".toasts [data-toast]")).toHaveCount(0);
  const updatedAt = page.locator("section[aria-label=Agents] time");
  const before = await updatedAt.getAttribute("datetime");
  await emulator.clearRequests();

  await page.getByRole("button", { name: "Refresh" }).click();

  await expect(toast(page, "success")).toHaveText("Agents updated.");
  await expect(updatedAt).not.toHaveAttribute("datetime", before ?? "");
  expect((await emulator.requests()).counts[`POST ${LIST_AGENTS}`]).toBe(1);
});

test("while list_agents hangs the shell is there with a skeleton, a slow answer gets a toast, and a reload after LiveChat answers again shows the agents", async ({
  page,
}) => {
  await emulator.fault({ endpoint: LIST_AGENTS, method: "POST", hang: true });
  // The document is still streaming: do not wait for its load event.
  await page.goto(`${stack.appUrl}/dashboard`, { waitUntil: "commit" });

  const skeleton = page.locator("[data-loading-agents]");
  await expect(skeleton).toBeVisible();
  await expect(skeleton).toHaveRole("status");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agents");
  await expect(page.locator("section[aria-label=Organization]")).toBeVisible();
  await expect(page.locator("form[role=search]")).toBeVisible();
  await expect(page.locator("#agent-search")).toBeVisible();
  await expect(page.locator("tr[data-agent-id]")).toHaveCount(0);

  // A search while LiveChat stays silent: the skeleton again, then a toast that says it is slow.
  await expectHydrated(page, "#agent-search");
  await page.locator("#agent-search").fill("a");
  await expect(page).toHaveURL(`${stack.appUrl}/dashboard?q=a`);
  await expect(toast(page, "warning")).toHaveText(
    "LiveChat is taking longer than usual to answer. Still trying…",
  );
  await expect(toast(page, "warning")).toHaveRole("status");
  await expect(skeleton).toBeVisible();
  await expect(page.locator("tr[data-agent-id]")).toHaveCount(0);

  await emulator.clearFaults();
  await page.reload();
  await expect(page.locator('tr[data-agent-id="alice@acme.test"]')).toBeVisible();
  await expect(skeleton).toHaveCount(0);
});

test("a slow first load of the dashboard gets the slow-answer toast too", async ({ page }) => {
  await emulator.fault({ endpoint: LIST_AGENTS, method: "POST", hang: true });
  await page.goto(`${stack.appUrl}/dashboard`, { waitUntil: "commit" });
  await expect(page.locator("[data-loading-agents]")).toBeVisible();
  await expect(toast(page, "warning")).toContainText("taking longer than usual", {
    timeout: 7_000,
  });
});
