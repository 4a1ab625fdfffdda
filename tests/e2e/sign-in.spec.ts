import { emulator } from "../../scripts/lib/emulator-control";
import { resetDatabase } from "../../scripts/lib/app-database";
import { stack } from "../../scripts/lib/stack-env";
import { signInOverHttp } from "../../scripts/lib/sign-in-over-http";
import {
  agentIdsOnEveryPage,
  clickSignOut,
  expect,
  expectHydrated,
  signInThroughEmulator,
  test,
} from "./fixtures";

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
  // Globex Europe's tokens are `fra-a:` ones, as in the Global Accounts API spec's examples.
  const tokens = await emulator.tokens(greta.account_id);
  expect(tokens.map((t) => t.access_token)).toEqual([expect.stringMatching(/^fra-a:/)]);
  expect(offMachineRequests).toEqual([]);
});

// LiveChat's limit of 3 redirects in 30 s per client and account (oauth-authorization/index.mdx
// L50): the app stops a fourth start from one browser with its own page.
test("a fourth sign-in within 30 s from one browser gets the app's explanation", async ({
  page,
  appUrl,
}) => {
  // Each click waits for React: a click on a button not yet hydrated would do nothing, and a
  // second try would count as one more sign-in.
  const click = async (name: string) => {
    await expectHydrated(page, `button:has-text("${name}")`);
    await page.getByRole("button", { name }).click();
  };
  await page.goto(appUrl);
  await signInThroughEmulator(page, "nora@acme.test");
  await expect(page).toHaveURL(`${appUrl}/dashboard`);
  // LiveChat remembers the account and its consent: the next sign-ins come straight back.
  for (let i = 1; i < 3; i += 1) {
    await click("Sign out");
    await click("Sign in with LiveChat");
    await expect(page).toHaveURL(`${appUrl}/dashboard`);
  }
  await click("Sign out");
  await click("Sign in with LiveChat");
  await expect(page).toHaveURL(`${appUrl}/auth/error?error=TooManySignIns`);
  await expect(page.locator("[data-error-code=TooManySignIns]")).toContainText(
    "Too many sign-ins in a row",
  );
});

test("an account signed in 3 times in 30 s elsewhere lands on LiveChat's too_many_redirects page", async ({
  page,
  appUrl,
}) => {
  // Three other browsers (the app paces each one alone) use up LiveChat's limit for nora.
  for (let i = 0; i < 3; i += 1) await signInOverHttp(appUrl, "nora@acme.test");
  await page.goto(appUrl);
  await page.getByRole("button", { name: "Sign in with LiveChat" }).click();
  await page.getByLabel("Email").fill("nora@acme.test");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/ooops\?.*exception_details=too_many_redirects/);
  await expect(page.getByRole("alert")).toContainText("Wait half a minute");
});
