import { beforeEach, describe, expect, it } from "vitest";
import { SEEDED } from "@/emulator/fixtures";
import {
  NO_ROWS,
  resetDatabase,
  rowCounts,
  storedAccountOf,
  withDatabase,
} from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { signInOverHttp } from "../../scripts/lib/sign-in-over-http";

const ACME = SEEDED.organizations.acme;
const webhookUrl = (app = stack.appUrl) =>
  `${app}/api/livechat/webhooks?secret=${stack.webhookSecret}`;

/** `date` as LiveChat writes it: seconds and a numeric offset ("2020-09-14T15:29:53+02:00"). */
function livechatDate(date: Date): string {
  const warsaw = new Date(date.getTime() + 2 * 3_600_000);
  return warsaw.toISOString().replace(/\.\d{3}Z$/, "+02:00");
}

/** An uninstall of Acme as LiveChat sends it, dated `date` (now unless told). */
const uninstallBody = (date = new Date(), changes: Record<string, unknown> = {}) => ({
  applicationID: "app-1",
  clientID: "marketplace-app",
  date: livechatDate(date),
  event: "application_uninstalled",
  licenseID: 10000001,
  organizationID: ACME,
  payload: { applicationID: "app-1" },
  userID: "someone",
  ...changes,
});
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

const post = (url: string, body: string) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });

async function snapshot() {
  return withDatabase(stack.databaseUrl, async (db) => ({
    counts: await rowCounts(stack.databaseUrl),
    organizations: (await db.query(`SELECT * FROM "Organization" ORDER BY id`)).rows,
    accounts: (await db.query(`SELECT * FROM "Account" ORDER BY id`)).rows,
  }));
}

describe("LiveChat app webhooks", () => {
  beforeEach(async () => {
    await resetDatabase(stack.databaseUrl);
    await emulator.reset();
  });

  it("an uninstall marks the organization uninstalled, deletes its tokens and signs its users out", async () => {
    const alice = await signInOverHttp(stack.appUrl, "alice@acme.test");
    await signInOverHttp(stack.appUrl, "nora@acme.test");
    const greta = await signInOverHttp(stack.appUrl, "greta@globex.test");

    const delivery = await emulator.installation({
      client_id: "marketplace-app",
      organization_id: ACME,
      event: "application_uninstalled",
    });

    expect(delivery).toEqual({ delivered: true, status: 200 });
    const state = await snapshot();
    expect(state.organizations.find((o) => o.id === ACME).uninstalledAt).not.toBeNull();
    for (const email of ["alice@acme.test", "nora@acme.test"]) {
      const account = await storedAccountOf(stack.databaseUrl, email);
      expect([account.accessToken, account.refreshToken]).toEqual([null, null]);
    }
    expect(state.counts.Session).toBe(1); // Greta's, of the other organization
    expect((await storedAccountOf(stack.databaseUrl, "greta@globex.test")).accessToken).toMatch(
      /^v1:/,
    );
    const aliceDashboard = await alice.browser.fetch(`${stack.appUrl}/dashboard`);
    expect(aliceDashboard.status).toBe(307);
    expect((await greta.browser.fetch(`${stack.appUrl}/dashboard`)).status).toBe(200);
  });

  it("a later sign-in reinstates the organization", async () => {
    await signInOverHttp(stack.appUrl, "alice@acme.test");
    await emulator.installation({
      client_id: "marketplace-app",
      organization_id: ACME,
      event: "application_uninstalled",
    });
    const { finalLocation } = await signInOverHttp(stack.appUrl, "nora@acme.test");

    expect(finalLocation).toBe(`${stack.appUrl}/dashboard`);
    const organization = (await snapshot()).organizations.find((o) => o.id === ACME);
    expect(organization.uninstalledAt).toBeNull();
    const nora = await storedAccountOf(stack.databaseUrl, "nora@acme.test");
    expect(organization.installedById).toBe(nora.user_id);
  });

  it("an install event for a known organization clears its uninstalled mark, and grants nothing", async () => {
    await signInOverHttp(stack.appUrl, "alice@acme.test");
    await emulator.installation({
      client_id: "marketplace-app",
      organization_id: ACME,
      event: "application_uninstalled",
    });
    const delivery = await emulator.installation({
      client_id: "marketplace-app",
      organization_id: ACME,
      event: "application_installed",
    });

    expect(delivery.status).toBe(200);
    const state = await snapshot();
    expect(state.organizations[0].uninstalledAt).toBeNull();
    expect(state.counts.Session).toBe(0);
    expect((await storedAccountOf(stack.databaseUrl, "alice@acme.test")).accessToken).toBeNull();
  });

  it("a replayed uninstall changes nothing, in either app process, even after users signed in again", async () => {
    await signInOverHttp(stack.appUrl, "alice@acme.test");
    const body = JSON.stringify(uninstallBody());
    const first = await post(webhookUrl(), body);
    expect([first.status, await first.json()]).toEqual([200, { message: "Recorded uninstalled." }]);
    // Alice comes back: the organization is installed again and she has a session.
    const alice = await signInOverHttp(stack.appUrl, "alice@acme.test");
    const before = await snapshot();
    expect(before.organizations[0].uninstalledAt).toBeNull();
    expect(before.counts.Session).toBe(1);

    for (const app of [stack.appUrl, stack.appTwinUrl]) {
      const replay = await post(webhookUrl(app), body);
      expect([replay.status, await replay.json()]).toEqual([
        200,
        { message: "Ignored application_uninstalled: already processed." },
      ]);
    }
    expect(await snapshot()).toEqual(before);
    expect((await alice.browser.fetch(`${stack.appUrl}/dashboard`)).status).toBe(200);
  });

  it("the same uninstall reaching both app processes at once is acted on once", async () => {
    await signInOverHttp(stack.appUrl, "alice@acme.test");
    const body = JSON.stringify(uninstallBody());
    const answers = await Promise.all(
      [stack.appUrl, stack.appTwinUrl].map(async (app) => {
        const response = await post(webhookUrl(app), body);
        return [response.status, ((await response.json()) as { message: string }).message];
      }),
    );
    expect(answers.map(([status]) => status)).toEqual([200, 200]);
    expect(answers.map(([, message]) => message).sort()).toEqual([
      "Ignored application_uninstalled: already processed.",
      "Recorded uninstalled.",
    ]);
    const state = await snapshot();
    expect(state.organizations[0].uninstalledAt).not.toBeNull();
    expect(state.counts).toMatchObject({ Session: 0, ProcessedWebhook: 1 });
  });

  it.each([
    ["dated more than 5 minutes ago", 6, "its date is more than 5 minutes old"],
    ["dated an hour ago", 60, "its date is more than 5 minutes old"],
    ["dated 2 minutes in the future", -2, "its date is in the future"],
  ])("an uninstall %s is acknowledged and ignored", async (_, minutes, why) => {
    const alice = await signInOverHttp(stack.appUrl, "alice@acme.test");
    const before = await snapshot();
    const response = await post(webhookUrl(), JSON.stringify(uninstallBody(minutesAgo(minutes))));
    expect([response.status, await response.json()]).toEqual([
      200,
      { message: `Ignored application_uninstalled: ${why}.` },
    ]);
    expect(await snapshot()).toEqual(before);
    expect(before.organizations[0].uninstalledAt).toBeNull();
    expect((await alice.browser.fetch(`${stack.appUrl}/dashboard`)).status).toBe(200);
  });

  it("an uninstall a little ahead of our clock (within a minute) is acted on", async () => {
    await signInOverHttp(stack.appUrl, "alice@acme.test");
    const response = await post(
      webhookUrl(),
      JSON.stringify(uninstallBody(new Date(Date.now() + 30_000))),
    );
    expect(response.status).toBe(200);
    expect((await snapshot()).counts.Session).toBe(0);
  });

  it.each([
    "payment_trialstarted",
    "payment_activated",
    "payment_collected",
    "payment_cancelled",
  ] as const)(
    "%s, as LiveChat delivers it, is acknowledged with 200 and changes nothing",
    async (event) => {
      const alice = await signInOverHttp(stack.appUrl, "alice@acme.test");
      const before = await snapshot();

      // The emulator POSTs the documented payload (fresh, offset-dated) to the app's webhook URL.
      const delivery = await emulator.payment({
        client_id: "marketplace-app",
        organization_id: ACME,
        event,
      });

      expect(delivery).toEqual({ delivered: true, status: 200 });
      expect(await snapshot()).toEqual(before);
      expect((await alice.browser.fetch(`${stack.appUrl}/dashboard`)).status).toBe(200);
    },
  );

  it("a replayed uninstall changes nothing more", async () => {
    await signInOverHttp(stack.appUrl, "alice@acme.test");
    const uninstalled = uninstallBody();
    expect((await post(webhookUrl(), JSON.stringify(uninstalled))).status).toBe(200);
    const first = await snapshot();
    expect((await post(webhookUrl(), JSON.stringify(uninstalled))).status).toBe(200);
    expect(await snapshot()).toEqual(first);
  });

  it("an uninstall of an organization the app never saw is accepted and stores nothing", async () => {
    const response = await post(
      webhookUrl(),
      JSON.stringify(uninstallBody(new Date(), { organizationID: "never-seen" })),
    );
    expect(response.status).toBe(200);
    expect(await rowCounts(stack.databaseUrl)).toEqual(NO_ROWS);
  });

  it("a body over 64 KB gets 413 before it is read as JSON, and changes nothing", async () => {
    await signInOverHttp(stack.appUrl, "alice@acme.test");
    const before = await snapshot();
    // A real uninstall, padded to 1 MB: refused for its size, not for what it says.
    const padded = JSON.stringify({ ...uninstallBody(), padding: "x".repeat(1024 * 1024) });
    const response = await post(webhookUrl(), padded);
    expect(response.status).toBe(413);
    expect(await snapshot()).toEqual(before);
    // Without a declared length (chunked), the reader stops at the limit too.
    const chunked = await fetch(webhookUrl(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Blob([padded]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["malformed JSON", webhookUrl, "{not json", 400],
    ["a body that is not an app webhook", webhookUrl, JSON.stringify({ hello: "world" }), 400],
    [
      "a missing organizationID",
      webhookUrl,
      JSON.stringify(uninstallBody(new Date(), { organizationID: undefined })),
      400,
    ],
    [
      "an uninstall without a date",
      webhookUrl,
      JSON.stringify(uninstallBody(new Date(), { date: undefined })),
      400,
    ],
    [
      "an uninstall with a date that is not RFC 3339",
      webhookUrl,
      JSON.stringify(uninstallBody(new Date(), { date: new Date().toUTCString() })),
      400,
    ],
    [
      "another app's clientID",
      webhookUrl,
      JSON.stringify(uninstallBody(new Date(), { clientID: "someone-elses-app" })),
      403,
    ],
    [
      "a wrong secret",
      () => `${stack.appUrl}/api/livechat/webhooks?secret=wrong-${stack.webhookSecret}`,
      JSON.stringify(uninstallBody()),
      401,
    ],
    [
      "no secret",
      () => `${stack.appUrl}/api/livechat/webhooks`,
      JSON.stringify(uninstallBody()),
      401,
    ],
    [
      "a payment event (accepted, ignored)",
      webhookUrl,
      JSON.stringify(uninstallBody(new Date(), { event: "payment_collected" })),
      200,
    ],
  ])("%s: refused or ignored, changes nothing", async (_, url, body, status) => {
    await signInOverHttp(stack.appUrl, "alice@acme.test");
    const before = await snapshot();
    const response = await post(url(), body);
    expect(response.status).toBe(status);
    expect(await snapshot()).toEqual(before);
  });
});

describe("next-auth's client log endpoint", () => {
  it("is closed: anyone could otherwise write lines into the server log", async () => {
    const response = await fetch(`${stack.appUrl}/api/auth/_log`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        level: "error",
        code: "FORGED\n[auth] LINE",
        message: "x",
      }).toString(),
    });
    expect(response.status).toBe(404);
  });
});
