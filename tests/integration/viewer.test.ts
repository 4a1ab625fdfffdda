import { beforeEach, describe, expect, it } from "vitest";
import { getViewer } from "@/lib/data/viewer";
import { resetDatabase, setStoredExpiry, storedAccountOf } from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { signInOverHttp } from "../../scripts/lib/sign-in-over-http";

// getViewer decides, before a page streams, whether the page can go on: it refreshes a token near
// expiry itself, so that a refused refresh can still redirect.

const EMAIL = "alice@acme.test";
const tokenCalls = async () => (await emulator.requests()).counts["POST /v2/token"] ?? 0;
const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

async function signedIn() {
  await signInOverHttp(stack.appUrl, EMAIL);
  const stored = await storedAccountOf(stack.databaseUrl, EMAIL);
  await emulator.clearRequests();
  return stored;
}

describe("getViewer (emulator + PostgreSQL)", () => {
  beforeEach(async () => {
    await resetDatabase(stack.databaseUrl);
    await emulator.reset();
  });

  it("is ready with the organization, its installer, and no call to LiveChat while the token is fresh", async () => {
    const stored = await signedIn();
    const viewer = await getViewer(stored.user_id);
    expect(viewer).toMatchObject({
      kind: "ready",
      organization: { region: "dal", installedBy: "Alice Archer" },
    });
    expect(JSON.stringify(viewer)).not.toMatch(/dal:|v1:/);
    expect(await tokenCalls()).toBe(0);
  });

  it("refreshes a token inside the margin before the page streams", async () => {
    const stored = await signedIn();
    await setStoredExpiry(stack.databaseUrl, stored.id, minutesFromNow(2));
    expect((await getViewer(stored.user_id)).kind).toBe("ready");
    expect(await tokenCalls()).toBe(1);
    const after = await storedAccountOf(stack.databaseUrl, EMAIL);
    expect(after.tokenVersion).toBe(stored.tokenVersion + 1);
  });

  it("asks for a new sign-in when LiveChat refuses the refresh", async () => {
    const stored = await signedIn();
    const alice = await emulator.account(EMAIL);
    await emulator.revoke({ account_id: alice.account_id });
    await setStoredExpiry(stack.databaseUrl, stored.id, minutesFromNow(-1));
    expect(await getViewer(stored.user_id)).toEqual({
      kind: "reauthenticate",
      reason: "access_revoked",
    });
  });

  it("reports LiveChat unavailable, with the organization, when an expired token cannot be refreshed now", async () => {
    const stored = await signedIn();
    await setStoredExpiry(stack.databaseUrl, stored.id, minutesFromNow(-1));
    await emulator.fault({ endpoint: "/v2/token", status: 503 });
    expect(await getViewer(stored.user_id)).toMatchObject({
      kind: "problem",
      problem: "livechat_unavailable",
      organization: { installedBy: "Alice Archer" },
    });
  });

  it("asks for a sign-in when the user has no LiveChat account", async () => {
    expect(await getViewer("no-such-user")).toEqual({
      kind: "reauthenticate",
      reason: "no_tokens",
    });
  });
});
