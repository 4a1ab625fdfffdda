import type { Page } from "@playwright/test";
import { SEEDED } from "../../emulator/fixtures";
import { resetDatabase } from "../../scripts/lib/app-database";
import { emulator, type Fixtures } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import {
  expect,
  expectHydrated,
  sessionCookie,
  type SessionCookie,
  shownAgentIds,
  test,
} from "./fixtures";

// The dashboard's views (`?q=&status=&role=&sort=&page=`): each one is a URL, reached by typing
// it, by the controls, or by the back button, and always shows exactly the agents it names.

type Agent = Fixtures["agents"][number];
type Sort = "name" | "status" | "role";
interface View {
  q?: string;
  status?: string;
  role?: string;
  sort?: Sort;
}

const PAGE_SIZE = 50;
const STATUS_ORDER = ["accepting_chats", "not_accepting_chats", "offline"];
const ROLE_ORDER = ["owner", "viceowner", "administrator", "normal"];
const byName = (a: Agent, b: Agent) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
const ORDER: Record<Sort, (a: Agent, b: Agent) => number> = {
  name: byName,
  status: (a, b) =>
    STATUS_ORDER.indexOf(a.routing_status) - STATUS_ORDER.indexOf(b.routing_status) || byName(a, b),
  role: (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || byName(a, b),
};

/** The ids a view lists, all pages, in order: name or email contains `q`, any case. */
function expected(agents: Agent[], view: View): string[] {
  const needle = (view.q ?? "").toLowerCase();
  return agents
    .filter((a) => !view.status || a.routing_status === view.status)
    .filter((a) => !view.role || a.role === view.role)
    .filter((a) => a.name.toLowerCase().includes(needle) || a.id.toLowerCase().includes(needle))
    .sort(ORDER[view.sort ?? "name"])
    .map((a) => a.id);
}

const pageOf = (ids: string[], page: number) => ids.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

let acme: Agent[];
let globex: Agent[];
const cookies = {} as Record<"alice" | "greta", SessionCookie>;

test.beforeAll(async () => {
  await resetDatabase(stack.databaseUrl);
  await emulator.reset();
  const { agents } = await emulator.fixtures();
  acme = agents.filter((a) => a.organization_id === SEEDED.organizations.acme);
  globex = agents.filter((a) => a.organization_id === SEEDED.organizations.globex);
  cookies.alice = await sessionCookie(stack.appUrl, "alice@acme.test");
  cookies.greta = await sessionCookie(stack.appUrl, "greta@globex.test");
});

/** Opens `/dashboard{search}` and waits for its list (rows or the empty state). */
async function openView(page: Page, search: string) {
  const response = await page.goto(`${stack.appUrl}/dashboard${search}`);
  expect(response?.status(), `GET /dashboard${search.slice(0, 80)}`).toBe(200);
  await expect(page.locator("[data-agent-total]")).toBeVisible();
}

/** The list shows exactly `ids`, in this order (waits for it: a client navigation may be on its way). */
async function expectRows(page: Page, ids: string[]) {
  await expect(page.locator("tr[data-agent-id]")).toHaveCount(ids.length);
  await expect.poll(() => shownAgentIds(page)).toEqual(ids);
}

const pager = (page: Page) => page.getByRole("navigation", { name: "Pages" });

const searchOf = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

test.describe("as Alice (Acme, 7 agents)", () => {
  test.beforeEach(({ context }) => context.addCookies([cookies.alice]));

  test("search by name or email, in any case, through the URL", async ({ page }) => {
    for (const q of ["BELLA", "brook", "carl@acme", "acme.test", "a"]) {
      await openView(page, `?q=${encodeURIComponent(q)}`);
      const ids = expected(acme, { q });
      await expectRows(page, ids);
      await expect(page.locator("[data-agent-total]")).toHaveText(
        ids.length === 1 ? "1 agent match" : `${ids.length} agents match`,
      );
      await expect(page.locator("#agent-search")).toHaveValue(q);
    }
  });

  test("each status and role filter, and each sort, through the URL", async ({ page }) => {
    for (const status of STATUS_ORDER) {
      await openView(page, `?status=${status}`);
      await expectRows(page, expected(acme, { status }));
    }
    for (const role of ROLE_ORDER) {
      await openView(page, `?role=${role}`);
      await expectRows(page, expected(acme, { role }));
    }
    for (const sort of ["name", "status", "role"] as const) {
      await openView(page, `?sort=${sort}`);
      await expectRows(page, expected(acme, { sort }));
    }
    // The counts per status stay those of the whole organization under a filter.
    await openView(page, "?status=offline&role=normal");
    await expectRows(page, expected(acme, { status: "offline", role: "normal" }));
    for (const status of STATUS_ORDER) {
      const count = acme.filter((a) => a.routing_status === status).length;
      await expect(page.locator(`[data-status="${status}"] dd`)).toHaveText(String(count));
    }
    // Seven agents fit one page: no pager.
    await expect(pager(page)).toHaveCount(0);
  });

  test("a view that matches nobody says so, and Clear filters shows every agent again", async ({
    page,
  }) => {
    await openView(page, "?q=nobody-by-this-name&status=offline");
    await expect(page.getByText("No agents match these filters")).toBeVisible();
    await expect(page.locator("[data-agent-total]")).toHaveText("0 agents match");
    await expect(page.locator("tr[data-agent-id]")).toHaveCount(0);

    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(`${stack.appUrl}/dashboard`);
    await expectRows(page, expected(acme, {}));
    await expect(page.locator("#agent-search")).toHaveValue("");
  });

  test("malformed values fall back to the default view, and a 10 KB search is cut, never an error page", async ({
    page,
  }) => {
    for (const search of [
      "?page=abc&sort=evil&status=x&role=y",
      "?page=0&sort=NAME&status=ACCEPTING_CHATS",
      "?page=-1",
      "?page=1.5",
      "?page=99999999999999999999999",
      `?role=${encodeURIComponent("owner'--")}&status[]=offline`,
    ]) {
      await openView(page, search);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agents");
      await expectRows(page, expected(acme, {}));
    }
    // Broken percent-encoding is still a search, not a crash.
    await openView(page, "?q=%E0%A4%A");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agents");

    const long = "x".repeat(10 * 1024);
    await openView(page, `?q=${long}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agents");
    await expect(page.locator("#agent-search")).toHaveValue("x".repeat(100));
    await expect(page.getByText("No agents match these filters")).toBeVisible();
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
  });
});

test.describe("as Greta (Globex, 500 agents)", () => {
  test.beforeEach(({ context }) => context.addCookies([cookies.greta]));

  test("pages of 50, alone and combined with search, filters and sort, through the URL", async ({
    page,
  }) => {
    const all = expected(globex, {});
    await openView(page, "?page=2");
    await expectRows(page, pageOf(all, 2));
    await expect(pager(page)).toContainText("Page 2 of 10");

    const view: View = { q: "GLOBEX", role: "normal", sort: "status" };
    const ids = expected(globex, view);
    const pageCount = Math.ceil(ids.length / PAGE_SIZE);
    expect(pageCount, "the combination spans at least three pages").toBeGreaterThanOrEqual(3);
    await openView(page, "?q=GLOBEX&role=normal&sort=status&page=3");
    await expectRows(page, pageOf(ids, 3));
    await expect(pager(page)).toContainText(`Page 3 of ${pageCount}`);
    await expect(page.locator("[data-agent-total]")).toHaveText(`${ids.length} agents match`);

    const offline = expected(globex, { status: "offline", role: "normal" });
    await openView(page, "?status=offline&role=normal&page=2");
    await expectRows(page, pageOf(offline, 2));
  });

  test("an out-of-range page is replaced by the last one", async ({ page }) => {
    await openView(page, "?page=99");
    await expect(page).toHaveURL(`${stack.appUrl}/dashboard?page=10`);
    await expect(pager(page)).toContainText("Page 10 of 10");
    await expectRows(page, pageOf(expected(globex, {}), 10));
    await expect(pager(page).getByRole("link", { name: "Next →" })).toHaveCount(0);

    const view: View = { status: "accepting_chats", sort: "role" };
    const ids = expected(globex, view);
    const last = Math.ceil(ids.length / PAGE_SIZE);
    await openView(page, "?status=accepting_chats&sort=role&page=99");
    await expect(page).toHaveURL(
      `${stack.appUrl}/dashboard?status=accepting_chats&sort=role&page=${last}`,
    );
    await expectRows(page, pageOf(ids, last));
  });

  test("search box, pickers and pager change the URL and the rows; the back button restores each view", async ({
    page,
  }) => {
    const all = expected(globex, {});
    await openView(page, "");
    await expectRows(page, pageOf(all, 1));
    await expectHydrated(page, "#agent-search");

    await page.locator("#agent-search").fill("anna");
    await expect.poll(() => searchOf(page)).toEqual({ q: "anna" });
    const anna = expected(globex, { q: "anna" });
    await expectRows(page, pageOf(anna, 1));

    await choose(page, "Status", "Offline");
    await expect.poll(() => searchOf(page)).toEqual({ q: "anna", status: "offline" });
    await expectRows(page, expected(globex, { q: "anna", status: "offline" }));

    await choose(page, "Sort by", "Role");
    await expect.poll(() => searchOf(page)).toEqual({ q: "anna", status: "offline", sort: "role" });
    await expectRows(page, expected(globex, { q: "anna", status: "offline", sort: "role" }));

    await choose(page, "Role", "Agent");
    await expect
      .poll(() => searchOf(page))
      .toEqual({ q: "anna", status: "offline", sort: "role", role: "normal" });
    await expectRows(
      page,
      expected(globex, { q: "anna", status: "offline", sort: "role", role: "normal" }),
    );

    await page.goBack();
    await expect.poll(() => searchOf(page)).toEqual({ q: "anna", status: "offline", sort: "role" });
    await expectRows(page, expected(globex, { q: "anna", status: "offline", sort: "role" }));
    await page.goBack();
    await page.goBack();
    await expect.poll(() => searchOf(page)).toEqual({ q: "anna" });
    await expectRows(page, pageOf(anna, 1));
    await expect(page.locator("#agent-search")).toHaveValue("anna");
    await page.goBack();
    await expect(page).toHaveURL(`${stack.appUrl}/dashboard`);
    await expectRows(page, pageOf(all, 1));

    await pager(page).getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(`${stack.appUrl}/dashboard?page=2`);
    await expectRows(page, pageOf(all, 2));
    await pager(page).getByRole("link", { name: "Next →" }).click();
    await expect(pager(page)).toContainText("Page 3 of 10");
    await expectRows(page, pageOf(all, 3));
    await pager(page).getByRole("link", { name: "← Previous" }).click();
    await expect(page).toHaveURL(`${stack.appUrl}/dashboard?page=2`);
    await expectRows(page, pageOf(all, 2));
    await page.goBack();
    await expect(page).toHaveURL(`${stack.appUrl}/dashboard?page=3`);
    await expectRows(page, pageOf(all, 3));
    await page.goBack();
    await page.goBack();
    await expect(page).toHaveURL(`${stack.appUrl}/dashboard`);
    await expectRows(page, pageOf(all, 1));
  });

  test("the search box shows the search of the view the back button returns to", async ({
    page,
  }) => {
    await openView(page, "");
    await expectHydrated(page, "#agent-search");
    await page.locator("#agent-search").fill("anna");
    await expect(page).toHaveURL(`${stack.appUrl}/dashboard?q=anna`);
    await expectRows(page, pageOf(expected(globex, { q: "anna" }), 1));
    await page.goBack();
    await expect(page).toHaveURL(`${stack.appUrl}/dashboard`);
    await expectRows(page, pageOf(expected(globex, {}), 1));
    await expect(page.locator("#agent-search")).toHaveValue("", { timeout: 3_000 });
  });
});

/** Picks `option` in the Design System Picker labelled `label`. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}
