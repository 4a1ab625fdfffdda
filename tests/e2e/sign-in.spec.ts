import { emulator } from "../../scripts/lib/emulator-control";
import { resetDatabase } from "../../scripts/lib/app-database";
import { stack } from "../../scripts/lib/stack-env";
import { agentIdsOnEveryPage, clickSignOut, expect, signInThroughEmulator, test } from "./fixtures";

const STATUS_LABELS: Record<string, string> = {
  accepting_chats: "Accepting chats",
  not_accepting_chats: "Not accepting chats",
  offline: "Offline",
};

test.beforeEach(async () => {
  await resetDatabase(stack.databaseUrl);
  await emulator.reset();
});

test("sign in, see exactly the organization's agents with their statuses, sign out", async ({
  page,
  appUrl,
  offMachineRequests,
}) => {
  const fixtures = await emulator.fixtures();
  const alice = fixtures.accounts.find((a) => a.email === "alice@acme.test")!;
  const agents = fixtures.agents.filter((a) => a.organization_id === alice.organization_id);

  await page.goto(`${appUrl}/dashboard`);
  await expect(page).toHaveURL(`${appUrl}/?callbackUrl=%2Fdashboard`);
  await signInThroughEmulator(page, alice.email);

  await expect(page).toHaveURL(`${appUrl}/dashboard`);
  await expect(page.getByText("Signed in as Alice Archer")).toBeVisible();
  await expect(page.getByLabel("Organization")).toContainText(alice.organization_id);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(agents.length);
  for (const agent of agents) {
    const row = page.locator(`tr[data-agent-id="${agent.id}"]`);
    await expect(row).toContainText(agent.name);
    await expect(row).toContainText(agent.id);
    await expect(row).toContainText(STATUS_LABELS[agent.routing_status]!);
    if (agent.job_title) await expect(row).toContainText(agent.job_title);
  }
  // Bella's avatar is on LiveChat's CDN, sent scheme-less as in the docs' list_agents sample: the
  // page shows it by its https URL (which the fixtures' guard answers locally).
  const cdnAvatar = page.locator('tr[data-agent-id="bella@acme.test"] img');
  await expect(cdnAvatar).toHaveAttribute("src", "https://cdn.livechatinc.com/avatars/1.png");
  await expect
    .poll(() => cdnAvatar.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .not.toBe(0);
  for (const [status, label] of Object.entries(STATUS_LABELS)) {
    const expected = agents.filter((a) => a.routing_status === status).length;
    await expect(page.locator(`[data-status="${status}"]`)).toContainText(`${label}${expected}`);
  }

  await clickSignOut(page);
  await expect(page.getByRole("button", { name: "Sign in with LiveChat" })).toBeVisible();
  await page.goto(`${appUrl}/dashboard`);
  await expect(page).toHaveURL(`${appUrl}/?callbackUrl=%2Fdashboard`);
  expect(offMachineRequests).toEqual([]);
});

test("a user of the other organization sees only their own agents", async ({
  page,
  appUrl,
  offMachineRequests,
}) => {
  const fixtures = await emulator.fixtures();
  const greta = fixtures.accounts.find((a) => a.email === "greta@globex.test")!;
  const theirs = fixtures.agents.filter((a) => a.organization_id === greta.organization_id);
  const others = fixtures.agents.filter((a) => a.organization_id !== greta.organization_id);

  await page.goto(appUrl);
  await signInThroughEmulator(page, greta.email);
  await expect(page).toHaveURL(`${appUrl}/dashboard`);
  // 500 agents, 50 a page: every page together shows them.
  const shown = await agentIdsOnEveryPage(page);
  expect(shown).toHaveLength(theirs.length);
  expect(new Set(shown)).toEqual(new Set(theirs.map((a) => a.id)));
  expect(shown.some((id) => others.some((a) => a.id === id))).toBe(false);
  await expect(page.getByText("Data region: EU (fra)")).toBeVisible();
  expect(offMachineRequests).toEqual([]);
});
