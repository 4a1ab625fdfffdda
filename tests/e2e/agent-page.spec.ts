import { SEEDED } from "../../emulator/fixtures";
import { resetDatabase } from "../../scripts/lib/app-database";
import { emulator, type Fixtures } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { expect, sessionCookie, type SessionCookie, test } from "./fixtures";

// One agent's page (LiveChat's get_agent, its groups named by list_groups): what the emulator
// holds for that agent, and nothing for an agent the signed-in user's organization does not have.

/** The emulator's seeded agent, with the get_agent fields the page shows. */
type SeededAgent = Fixtures["agents"][number] & {
  groups: Array<{ id: number; priority: string }>;
  max_chats_count: number;
  last_logout: string | null;
  suspended: boolean;
};

const ROLE_LABELS: Record<string, string> = {
  owner: "Owner",
  viceowner: "Vice owner",
  administrator: "Administrator",
  normal: "Agent",
};
const STATUS_LABELS: Record<string, string> = {
  accepting_chats: "Accepting chats",
  not_accepting_chats: "Not accepting chats",
  offline: "Offline",
};

const agentPath = (id: string) => `/dashboard/agents/${encodeURIComponent(id)}`;

const LIST_GROUPS = "/v3.6/configuration/action/list_groups";

let acme: SeededAgent[];
/** Acme's group names by id, as list_groups answers them. */
let groupNames: Map<number, string>;
let alice: SessionCookie;

test.beforeAll(async () => {
  await resetDatabase(stack.databaseUrl);
  await emulator.reset();
  const fixtures = await emulator.fixtures();
  acme = (fixtures.agents as SeededAgent[]).filter(
    (a) => a.organization_id === SEEDED.organizations.acme,
  );
  groupNames = new Map(
    fixtures.groups
      .filter((g) => g.organization_id === SEEDED.organizations.acme)
      .map((g) => [g.id, g.name]),
  );
  alice = await sessionCookie(stack.appUrl, "alice@acme.test");
});

test.beforeEach(({ context }) => context.addCookies([alice]));
test.afterEach(() => emulator.clearFaults());

test("each agent's page shows LiveChat's groups by name, job title, max chats and last logout", async ({
  page,
}) => {
  expect(acme.some((a) => a.groups.length > 1 && a.job_title && a.last_logout === null)).toBe(true);
  expect(acme.every((a) => a.groups.every((g) => groupNames.has(g.id)))).toBe(true);
  expect(acme.some((a) => a.last_logout !== null && !a.job_title)).toBe(true);
  for (const agent of acme) {
    const response = await page.goto(`${stack.appUrl}${agentPath(agent.id)}`);
    expect(response?.status()).toBe(200);
    const article = page.locator(`article[data-agent-id="${agent.id}"]`);
    await expect(article.getByRole("heading", { level: 1 })).toHaveText(agent.name);
    await expect(article).toContainText(agent.id);
    const fact = (term: string) => article.locator(`dt:text-is("${term}") + dd`);
    await expect(fact("Status")).toHaveText(STATUS_LABELS[agent.routing_status]!);
    await expect(fact("Role")).toHaveText(ROLE_LABELS[agent.role]!);
    await expect(fact("Job title")).toHaveText(agent.job_title || "—");
    await expect(fact("Max chats")).toHaveText(String(agent.max_chats_count));
    await expect(article.locator("[data-groups]")).toHaveText(
      agent.groups.map((g) => `${groupNames.get(g.id)} (${g.priority})`).join(", ") || "None",
    );
    if (agent.last_logout) {
      const at = new Date(agent.last_logout);
      const shown = fact("Last logout").locator("time");
      await expect(shown).toHaveAttribute("datetime", at.toISOString());
      await expect(shown).toHaveText(
        `${at.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`,
      );
    } else {
      await expect(fact("Last logout")).toHaveText("—");
    }
    await expect(article.locator('dt:text-is("Account")')).toHaveCount(agent.suspended ? 1 : 0);
  }
});

test("clicking a name in the list opens that agent's page, and its link leads back", async ({
  page,
}) => {
  const bella = acme.find((a) => a.id === "bella@acme.test")!;
  await page.goto(`${stack.appUrl}/dashboard`);
  await page
    .locator(`tr[data-agent-id="${bella.id}"]`)
    .getByRole("link", { name: bella.name })
    .click();
  await expect(page).toHaveURL(`${stack.appUrl}${agentPath(bella.id)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(bella.name);
  await expect(page.locator("[data-groups]")).toHaveText("Billing (first)");

  await page.getByRole("link", { name: "← All agents" }).click();
  await expect(page).toHaveURL(`${stack.appUrl}/dashboard`);
  await expect(page.locator("tr[data-agent-id]")).toHaveCount(acme.length);
});

test("when LiveChat will not list the groups, the page still shows the agent, groups by id", async ({
  page,
}) => {
  // As for a token granted before the app asked for groups--all:ro.
  await emulator.fault({ endpoint: LIST_GROUPS, status: 403, error_type: "authorization" });
  await emulator.clearRequests();
  const response = await page.goto(`${stack.appUrl}${agentPath("alice@acme.test")}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alice Archer");
  await expect(page.locator("[data-groups]")).toHaveText("Group 0 (first), Group 1 (supervisor)");
  // Asked once and refused: a refusal is not retried, nor does it cost the page its agent.
  expect((await emulator.requests()).counts[`POST ${LIST_GROUPS}`]).toBe(1);
});

test("an unknown id, a malformed one and another organization's agent are not found", async ({
  page,
}) => {
  for (const path of [agentPath("nobody@acme.test"), agentPath(`${"x".repeat(300)}@acme.test`)]) {
    const response = await page.goto(`${stack.appUrl}${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agent not found");
  }

  // Greta is Globex's owner: to Alice (Acme) her id names nobody, and nothing of hers is sent.
  const response = await page.goto(`${stack.appUrl}${agentPath("greta@globex.test")}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agent not found");
  const html = (await response?.text()) ?? "";
  for (const secret of ["Greta", "Gruber", "Customer Care Director"]) {
    expect(html).not.toContain(secret);
    await expect(page.getByText(secret)).toHaveCount(0);
  }
  await page.getByRole("link", { name: "Back to all agents" }).click();
  await expect(page.locator("tr[data-agent-id]")).toHaveCount(acme.length);
});
