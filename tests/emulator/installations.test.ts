import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEEDED } from "@/emulator/fixtures";
import type { RunningEmulator } from "@/emulator/server";
import { HttpBrowser } from "../../scripts/lib/http-browser";
import { CLIENTS, codeOf, json, pkcePair, postToken, start } from "./helpers";

// Marketplace imitations: app webhooks on install/uninstall, and the direct installation redirect.

let emulator: RunningEmulator;
let app: Server;
let webhookUrl: string;
let received: { body: unknown; contentType: string | undefined }[] = [];
let answerStatus = 200;

beforeAll(async () => {
  app = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      received.push({ body: JSON.parse(raw), contentType: req.headers["content-type"] });
      res.writeHead(answerStatus).end();
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/livechat/webhooks`;
  emulator = await start({ webhookUrl });
});
afterAll(async () => {
  await emulator.close();
  await new Promise((resolve) => app.close(resolve));
});
beforeEach(() => {
  received = [];
  answerStatus = 200;
});

const install = (body: Record<string, unknown>) =>
  fetch(`${emulator.url}/_emulator/installations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("POST /_emulator/installations", () => {
  it("posts LiveChat's app webhook to the configured URL", async () => {
    const response = await install({
      client_id: "marketplace-app",
      organization_id: SEEDED.organizations.acme,
      event: "application_installed",
    });
    expect(await json(response)).toEqual({ delivered: true, status: 200 });
    expect(received).toEqual([
      {
        contentType: "application/json",
        body: {
          applicationID: expect.any(String),
          applicationName: "Agent Board (Marketplace)",
          clientID: "marketplace-app",
          // As LiveChat's docs show it: "2020-09-14T15:29:53+02:00".
          date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
          event: "application_installed",
          licenseID: expect.any(Number),
          organizationID: SEEDED.organizations.acme,
          payload: { applicationID: expect.any(String) },
          userID: SEEDED.accounts.alice,
        },
      },
    ]);
  });

  it("posts to a webhook_url given in the request and reports the app's status", async () => {
    answerStatus = 500;
    const response = await install({
      client_id: "private-app",
      organization_id: SEEDED.organizations.globex,
      event: "application_uninstalled",
      webhook_url: `${webhookUrl}?other`,
    });
    expect(await json(response)).toEqual({ delivered: true, status: 500 });
    expect(received[0]?.body).toMatchObject({
      event: "application_uninstalled",
      organizationID: SEEDED.organizations.globex,
      userID: SEEDED.accounts.greta,
    });
  });

  it("reports an app that cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const response = await install({
      client_id: "marketplace-app",
      organization_id: SEEDED.organizations.acme,
      event: "application_installed",
      webhook_url: `http://127.0.0.1:${port}/`,
    });
    expect(await json(response)).toEqual({
      delivered: false,
      error: expect.stringContaining("fetch failed"),
    });
  });

  it("refuses an unknown client, an unknown event and a missing webhook URL", async () => {
    expect(
      (
        await install({
          client_id: "nope",
          organization_id: SEEDED.organizations.acme,
          event: "application_installed",
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await install({
          client_id: "marketplace-app",
          organization_id: SEEDED.organizations.acme,
          event: "payment_collected",
        })
      ).status,
    ).toBe(400);
    const bare = await start();
    try {
      const response = await fetch(`${bare.url}/_emulator/installations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          client_id: "marketplace-app",
          organization_id: SEEDED.organizations.acme,
          event: "application_installed",
        }),
      });
      expect(response.status).toBe(400);
    } finally {
      await bare.close();
    }
    expect(received).toEqual([]);
  });
});

describe("POST /_emulator/payments", () => {
  const pay = (body: Record<string, unknown>) =>
    fetch(`${emulator.url}/_emulator/payments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const acme = { client_id: "marketplace-app", organization_id: SEEDED.organizations.acme };

  // The payloads of app-webhooks/index.mdx L66-165, each with a fresh date in the documented
  // format: seconds and a numeric offset (`2020-09-14T15:29:53+02:00`, L29).
  it.each([
    ["payment_trialstarted", {}],
    ["payment_activated", { quantity: 1 }],
    ["payment_collected", { total: 400 }],
    ["payment_cancelled", {}],
  ])("posts %s with its documented payload", async (event, extra) => {
    const before = Date.now();
    expect(await json(await pay({ ...acme, event }))).toEqual({ delivered: true, status: 200 });
    expect(received).toEqual([
      {
        contentType: "application/json",
        body: {
          applicationID: expect.any(String),
          applicationName: "Agent Board (Marketplace)",
          clientID: "marketplace-app",
          date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+02:00$/),
          event,
          licenseID: expect.any(Number),
          organizationID: SEEDED.organizations.acme,
          payload: { paymentID: expect.stringMatching(/^[0-9a-f-]{36}$/), ...extra },
          userID: SEEDED.accounts.alice,
        },
      },
    ]);
    const sent = Date.parse((received[0]?.body as { date: string }).date);
    expect(sent).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(sent).toBeLessThanOrEqual(Date.now());
  });

  it("sends the payment id, quantity and total it is given", async () => {
    const paymentID = "bd5e4a08-e870-48c4-a6d8-6a855e2870f1";
    await pay({ ...acme, event: "payment_activated", payment_id: paymentID, quantity: 3 });
    await pay({ ...acme, event: "payment_collected", payment_id: paymentID, total: 1200 });
    expect(received.map((r) => (r.body as { payload: unknown }).payload)).toEqual([
      { paymentID, quantity: 3 },
      { paymentID, total: 1200 },
    ]);
  });

  it("refuses an installation event, an unknown client and a bad payment id", async () => {
    expect((await pay({ ...acme, event: "application_installed" })).status).toBe(400);
    expect((await pay({ ...acme, client_id: "nope", event: "payment_cancelled" })).status).toBe(
      400,
    );
    expect((await pay({ ...acme, event: "payment_cancelled", payment_id: "1" })).status).toBe(400);
    expect(received).toEqual([]);
  });
});

describe("GET /_emulator/marketplace/install", () => {
  const installUrl = "http://localhost:3000/api/livechat/install";

  async function installFlow(query: Record<string, string>, email = "alice@acme.test") {
    const browser = new HttpBrowser(emulator.url);
    const entry = await browser.get(
      `/_emulator/marketplace/install?${new URLSearchParams(query).toString()}`,
    );
    expect(entry.status).toBe(302);
    return browser.authorize(entry.location ?? "", email);
  }

  it("signs in, asks for consent and sends a code with an empty state, bound to no PKCE", async () => {
    const back = await installFlow({ client_id: "marketplace-app", redirect_uri: installUrl });
    const location = new URL(back.location ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(installUrl);
    expect([...location.searchParams.entries()]).toEqual([
      ["code", expect.any(String)],
      ["state", ""],
    ]);
    const code = codeOf(back);
    const withVerifier = await postToken(emulator.url, {
      grant_type: "authorization_code",
      code,
      redirect_uri: installUrl,
      ...CLIENTS.marketplace,
      code_verifier: pkcePair().verifier,
    });
    expect(withVerifier.status).toBe(401);
    const exchanged = await postToken(emulator.url, {
      grant_type: "authorization_code",
      code,
      redirect_uri: installUrl,
      ...CLIENTS.marketplace,
    });
    expect(exchanged.status).toBe(200);
  });

  it("applies the same whitelist as authorize", async () => {
    const step = await installFlow({
      client_id: "marketplace-app",
      redirect_uri: "http://localhost:4444/install",
    });
    expect(step.location).toBe(
      "/ooops?oauth_exception=unauthorized_client&exception_details=invalid_redirect_uri",
    );
  });
});
