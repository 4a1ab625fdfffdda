import { beforeEach, describe, expect, it } from "vitest";
import { SEEDED } from "@/emulator/fixtures";
import { getViewer } from "@/lib/data/viewer";
import { withLiveChat } from "@/lib/data/with-livechat";
import { LiveChatApiError, listAgents } from "@/lib/livechat";
import { resetDatabase, storedAccountOf, storedRegionOf } from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { signInOverHttp } from "../../scripts/lib/sign-in-over-http";

// withLiveChat's region handling in this process, whatever page calls it: a misdirected_request
// is tried once more where LiveChat points (configuration-api/index.mdx L4384-4399), and that
// region is remembered for the organization. (tests/integration/livechat-wire.test.ts shows the
// same through the dashboard.)

const ACME = SEEDED.organizations.acme;
const EMAIL = "alice@acme.test";
const LIST_AGENTS = "/v3.6/configuration/action/list_agents";

const storedRegion = () => storedRegionOf(stack.databaseUrl, ACME);

/**
 * The X-Region of each list_agents call since the log was cleared. Node's fetch itself repeats a
 * request answered 421 once, on a fresh connection (RFC 9110 section 15.5.20): each misdirected
 * try shows up twice.
 */
async function listAgentsRegions() {
  const { requests } = await emulator.requests();
  return requests.filter((r) => r.path === LIST_AGENTS).map((r) => r.region);
}

/** Signed in over HTTP; the LiveChat session a page would get from getViewer. */
async function signedInSession() {
  await signInOverHttp(stack.appUrl, EMAIL);
  const { user_id } = await storedAccountOf(stack.databaseUrl, EMAIL);
  const viewer = await getViewer(user_id);
  if (viewer.kind !== "ready") throw new Error(`viewer not ready: ${viewer.kind}`);
  return { userId: user_id, livechat: viewer.livechat };
}

describe("withLiveChat and LiveChat's regions (emulator + PostgreSQL)", () => {
  beforeEach(async () => {
    await resetDatabase(stack.databaseUrl);
    await emulator.reset();
  });

  it("retries a misdirected_request in the region it names, and remembers it for the organization", async () => {
    const { userId, livechat } = await signedInSession();
    expect(await storedRegion()).toBe("dal");
    await emulator.moveOrganization(ACME, "fra");
    await emulator.clearRequests();

    const agents = await withLiveChat(livechat, (ctx) => listAgents(ctx));

    expect(agents.map((a) => a.id)).toContain(EMAIL);
    expect(await storedRegion()).toBe("fra");
    const regions = await listAgentsRegions();
    expect([regions[0], regions.at(-1)]).toEqual(["dal", "fra"]);

    // A later request's session starts in the remembered region: one call, no misdirection.
    const again = await getViewer(userId);
    if (again.kind !== "ready") throw new Error(`viewer not ready: ${again.kind}`);
    await emulator.clearRequests();
    await withLiveChat(again.livechat, (ctx) => listAgents(ctx));
    expect(await listAgentsRegions()).toEqual(["fra"]);
  });

  it("fails with the second misdirected_request, and remembers nothing", async () => {
    const { livechat } = await signedInSession();
    await emulator.misdirectAlways(LIST_AGENTS, "fra");
    await emulator.clearRequests();

    const failure = await withLiveChat(livechat, (ctx) => listAgents(ctx)).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(LiveChatApiError);
    expect(failure).toMatchObject({ type: "misdirected_request", transient: true });
    expect(await storedRegion()).toBe("dal");
    expect(await listAgentsRegions()).toEqual(["dal", "dal", "fra", "fra"]);
  });
});
