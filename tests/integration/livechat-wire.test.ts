import { beforeEach, describe, expect, it } from "vitest";
import { SEEDED } from "@/emulator/fixtures";
import type { HttpBrowser } from "../../scripts/lib/http-browser";
import { resetDatabase, storedRegionOf } from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { signInOverHttp } from "../../scripts/lib/sign-in-over-http";

// The dashboard, served by the production build, against what LiveChat really sends: logged-out
// agents missing from the routing statuses, agents its SDK types as partial, a wrong region.

const ACME = SEEDED.organizations.acme;
const LIST_AGENTS = "/v3.6/configuration/action/list_agents";
const ROUTING_STATUSES = "/v3.6/agent/action/list_routing_statuses";

/** The dashboard's agent rows (id -> the row's text) and its HTML. */
async function dashboard(browser: HttpBrowser, search = "") {
  const response = await browser.fetch(`${stack.appUrl}/dashboard${search}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const rows = new Map<string, string>();
  for (const [, id, cells] of html.matchAll(/<tr data-agent-id="([^"]+)">([\s\S]*?)<\/tr>/g)) {
    rows.set(
      id ?? "",
      (cells ?? "")
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    );
  }
  return { html, rows };
}

const storedRegion = () => storedRegionOf(stack.databaseUrl, ACME);

/**
 * The X-Region of each Web API call the app made since the log was cleared. Node's fetch itself
 * repeats a request answered 421 once, on a fresh connection (RFC 9110 section 15.5.20), so each
 * misdirected try shows up twice.
 */
async function webApiRegions() {
  const { requests } = await emulator.requests();
  return requests.filter((r) => r.path.startsWith("/v3.6/")).map((r) => `${r.path} ${r.region}`);
}

describe("the dashboard against LiveChat's real answers", () => {
  beforeEach(async () => {
    await resetDatabase(stack.databaseUrl);
    await emulator.reset();
  });

  it("shows logged-out agents, whom list_routing_statuses leaves out, as offline", async () => {
    const { browser } = await signInOverHttp(stack.appUrl, "alice@acme.test");
    const { rows } = await dashboard(browser, "?status=offline");
    expect([...rows.keys()].sort()).toEqual(["dora@acme.test", "nora@acme.test"]);
    for (const text of rows.values()) expect(text).toContain("Offline");
  });

  it("shows every agent it can read when LiveChat sends odd agents among 1,000", async () => {
    const { browser } = await signInOverHttp(stack.appUrl, "alice@acme.test");
    const bulk = Array.from({ length: 1000 }, (_, i) => ({
      id: `agent-${String(i).padStart(4, "0")}@bulk.test`,
      account_id: `bulk-${i}`,
      name: `Bulk Agent ${String(i).padStart(4, "0")}`,
      avatar_path: "",
      role: "normal",
      login_status: "accepting chats",
    }));
    const odd = [
      { id: "noname@acme.test", account_id: "odd-1", role: "normal" },
      { id: "newrole@acme.test", account_id: "odd-2", name: "New Role", role: "supervisor_plus" },
      {
        id: "extra@acme.test",
        account_id: "odd-3",
        name: "Extra Field",
        role: "normal",
        pet: "cat",
      },
      { id: "onbreak@acme.test", account_id: "odd-4", name: "On Break", role: "normal" },
      { name: "Has No Id", role: "normal" },
    ];
    await emulator.fault({ endpoint: LIST_AGENTS, json: [...odd, ...bulk] });
    await emulator.fault({
      endpoint: ROUTING_STATUSES,
      json: [
        { agent_id: "onbreak@acme.test", status: "on_break" },
        { agent_id: "agent-0000@bulk.test", status: "accepting_chats" },
      ],
    });

    const all = await dashboard(browser);
    expect(all.html).toContain("1004 agents");
    expect(all.rows.size).toBe(50);
    expect(all.html).not.toContain("Has No Id");
    const noName = await dashboard(browser, "?q=noname");
    expect(noName.rows.get("noname@acme.test")).toMatch(/noname@acme\.test.*Agent.*Offline/);
    // Its id stands in for the name it lacks.
    expect(noName.html).toMatch(/<a [^>]*>noname@acme\.test<\/a>/);
    expect((await dashboard(browser, "?q=newrole")).rows.get("newrole@acme.test")).toContain(
      "supervisor_plus",
    );
    expect((await dashboard(browser, "?q=extra")).rows.get("extra@acme.test")).toContain(
      "Extra Field",
    );
    expect((await dashboard(browser, "?q=onbreak")).rows.get("onbreak@acme.test")).toContain(
      "on_break",
    );
    expect((await dashboard(browser, "?q=agent-0000")).rows.get("agent-0000@bulk.test")).toContain(
      "Accepting chats",
    );
  });

  it("retries a misdirected_request in the region it names, and remembers that region", async () => {
    const { browser } = await signInOverHttp(stack.appUrl, "alice@acme.test");
    expect(await storedRegion()).toBe("dal");
    await emulator.moveOrganization(ACME, "fra");
    await emulator.clearRequests();

    expect((await dashboard(browser)).rows.get("alice@acme.test")).toContain("Alice Archer");
    expect(await storedRegion()).toBe("fra");
    const first = (await webApiRegions()).filter((call) => call.startsWith(LIST_AGENTS));
    expect(first[0]).toBe(`${LIST_AGENTS} dal`);
    expect(first.at(-1)).toBe(`${LIST_AGENTS} fra`);

    // The next request goes to the remembered region at once.
    await emulator.clearRequests();
    const again = await dashboard(browser);
    expect(again.rows.size).toBe(7);
    expect(again.html).toMatch(/Data region: (<!-- -->)?EU \(fra\)/);
    expect((await webApiRegions()).sort()).toEqual(
      [`${LIST_AGENTS} fra`, `${ROUTING_STATUSES} fra`].sort(),
    );
  });

  it("shows an outage, and remembers nothing, when the retry is misdirected too", async () => {
    const { browser } = await signInOverHttp(stack.appUrl, "alice@acme.test");
    await emulator.misdirectAlways(LIST_AGENTS, "fra");
    await emulator.clearRequests();

    const { html, rows } = await dashboard(browser);
    expect(rows.size).toBe(0);
    expect(html).toContain("LiveChat is unreachable");
    expect(await storedRegion()).toBe("dal");
    // One retry of ours, not a loop (each try twice: see webApiRegions).
    expect((await webApiRegions()).filter((call) => call.startsWith(LIST_AGENTS))).toEqual([
      `${LIST_AGENTS} dal`,
      `${LIST_AGENTS} dal`,
      `${LIST_AGENTS} fra`,
      `${LIST_AGENTS} fra`,
    ]);
  });
});
