import { chromium, type Browser, type Frame, type Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentAppChats, pluginIds } from "@/emulator/fixtures";
import type { RunningEmulator } from "@/emulator/server";
import { CLIENTS, json, pkcePair, postToken, start } from "./helpers";
import { startWidgetHost, type WidgetHost } from "./widget-host";

// The Agent App imitation: its page over HTTP, then in Chromium with widgets that use the real
// @livechat/agent-app-sdk on another site (localhost vs 127.0.0.1), and a flow=button popup.

const BROWSER_TEST_MS = 30_000;

let host: WidgetHost;
let emulator: RunningEmulator;
let browser: Browser;

beforeAll(async () => {
  host = await startWidgetHost();
  emulator = await start({
    widgetFullscreenUrl: `${host.origin}/widgets/fullscreen`,
    widgetDetailsUrl: `${host.origin}/widgets/details`,
    widgetSettingsUrl: `${host.origin}/widgets/settings`,
    extraRedirectUris: [`${host.origin}/callback`],
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
}, BROWSER_TEST_MS);
afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  await host?.close();
});

interface Config {
  view: string;
  theme: string;
  widgets: Record<string, { url: string; pluginId: string }>;
}

function configOf(html: string): Config {
  const match = /<script type="application\/json" id="agent-app-config">([^<]*)<\/script>/.exec(
    html,
  );
  if (!match?.[1]) throw new Error("No Agent App configuration on the page");
  return JSON.parse(match[1]) as Config;
}

describe("GET /agent-app", () => {
  it("serves the configured widget URLs with their plugin ids, the view and the theme", async () => {
    const response = await fetch(`${emulator.url}/agent-app/chats?theme=dark`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(configOf(html)).toMatchObject({
      view: "chats",
      theme: "dark",
      widgets: {
        fullscreen: { url: `${host.origin}/widgets/fullscreen`, pluginId: pluginIds.fullscreen },
        details: { url: `${host.origin}/widgets/details`, pluginId: pluginIds.details },
        settings: { url: `${host.origin}/widgets/settings`, pluginId: pluginIds.settings },
      },
    });
    expect(html).toContain('<html lang="en" data-theme="dark">');
    expect(html).toContain('<ul id="widget-messages">');
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain(`frame-src ${host.origin};`);
    expect(csp).toContain("script-src 'self';");
  });

  it("defaults to the widget URLs npm run dev serves, and refuses a bad one at start", async () => {
    const defaults = await start();
    try {
      const html = await (await fetch(`${defaults.url}/agent-app`)).text();
      const { widgets, view, theme } = configOf(html);
      expect({ view, theme }).toEqual({ view: "fullscreen", theme: "light" });
      expect(widgets.details?.url).toBe("http://localhost:3000/widgets/details");
      expect(widgets.fullscreen?.url).toBe("http://localhost:3000/widgets/fullscreen");
      expect(widgets.settings?.url).toBe("http://localhost:3000/widgets/settings");
    } finally {
      await defaults.close();
    }
    await expect(start({ widgetDetailsUrl: "/widgets/details" })).rejects.toThrow(
      /widgetDetailsUrl/,
    );
  });

  it("serves only the modules its page imports, and keeps them out of the request log", async () => {
    await fetch(`${emulator.url}/_emulator/requests`, { method: "DELETE" });
    const page = await fetch(`${emulator.url}/agent-app/agent-app.js`);
    expect(page.headers.get("content-type")).toMatch(/^text\/javascript/);
    const source = await page.text();
    const entry = /from "(\/agent-app\/modules\/[^"]+)"/.exec(source)?.[1] ?? "";
    expect(entry).toMatch(/@livechat\/postmessage\/dist\/postmessenger-es5\.esm\.js$/);
    const postmessage = await (await fetch(`${emulator.url}${entry}`)).text();
    expect(postmessage).not.toContain("process.env");
    expect(postmessage).not.toMatch(/from '[^/]/);
    for (const path of ["/agent-app/modules/zod/index.js", "/agent-app/modules/../package.json"]) {
      expect((await fetch(`${emulator.url}${path}`)).status).toBe(404);
    }
    const log = await json<{ requests: unknown[] }>(
      await fetch(`${emulator.url}/_emulator/requests`),
    );
    expect(log.requests).toEqual([]);
  });
});

const events = (frame: Frame) =>
  frame.evaluate(
    () => (window as unknown as { __events?: { name: string; data: unknown }[] }).__events ?? [],
  );

async function widgetFrame(page: Page, placement: string): Promise<Frame> {
  const handle = await page.waitForSelector(`#frame-${placement}`, { state: "attached" });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`No frame for ${placement}`);
  await frame.waitForFunction(() => "__events" in window);
  return frame;
}

const messageNames = (page: Page) =>
  page.$$eval("#widget-messages li", (items) =>
    items.map((li) => `${li.getAttribute("data-widget")}:${li.getAttribute("data-message")}`),
  );

describe("the Agent App in Chromium, with the real agent-app-sdk in the widgets", () => {
  it(
    "loads each widget with plugin_id and theme, connects over @livechat/postmessage, and shows what widgets send",
    async () => {
      const page = await browser.newPage();
      try {
        await page.goto(`${emulator.url}/agent-app?theme=dark`);
        const fullscreen = await widgetFrame(page, "fullscreen");
        const src = new URL((await page.getAttribute("#frame-fullscreen", "src")) ?? "");
        expect(src.origin + src.pathname).toBe(`${host.origin}/widgets/fullscreen`);
        expect(src.searchParams.get("plugin_id")).toBe(pluginIds.fullscreen);
        expect(src.searchParams.get("theme")).toBe("dark");

        await expect
          .poll(() => events(fullscreen))
          .toEqual([
            { name: "ready", data: { theme: "dark" } },
            { name: "page_data", data: { queryParams: {} } },
          ]);
        await expect
          .poll(() => messageNames(page))
          .toEqual([
            "fullscreen:plugin_inited",
            "fullscreen:set_fullscreen_widget_notification_badge",
            "fullscreen:set_toast",
          ]);
        expect(await page.textContent("#fullscreen-badge")).toBe("3");
        expect(await page.isVisible("#fullscreen-badge")).toBe(true);
        expect(await page.textContent("#toasts .toast[data-kind=success]")).toBe(
          "Saved by the widget",
        );

        // A theme switch reaches the loaded widget as an event; nothing reloads.
        await page.selectOption("#theme-switch", "light");
        await expect
          .poll(() => events(fullscreen))
          .toContainEqual({ name: "change_theme", data: { theme: "light", getTheme: "light" } });
        expect((await events(fullscreen))[0]).toEqual({ name: "ready", data: { theme: "dark" } });
        expect(await page.getAttribute("html", "data-theme")).toBe("light");

        // The Details widget, next to the seeded chat, gets the customer's profile.
        await page.click("nav a[data-view=chats]");
        expect(new URL(page.url()).pathname).toBe("/agent-app/chats");
        const details = await widgetFrame(page, "details");
        const detailsSrc = new URL((await page.getAttribute("#frame-details", "src")) ?? "");
        expect(detailsSrc.searchParams.get("plugin_id")).toBe(pluginIds.details);
        expect(detailsSrc.searchParams.get("theme")).toBe("light");
        const [jane, kenji] = agentAppChats;
        await expect
          .poll(() => events(details))
          .toEqual([
            { name: "ready", data: { theme: "light" } },
            { name: "customer_profile", data: jane?.customer },
          ]);
        expect(jane?.customer).toMatchObject({ name: "Jane Doe", email: "jane.doe@example.test" });
        expect(
          await details.evaluate(
            () =>
              (
                window as unknown as { __widget: { getCustomerProfile(): { name: string } } }
              ).__widget.getCustomerProfile().name,
          ),
        ).toBe("Jane Doe");
        const width = await page.$eval("#frame-details", (el) => el.getBoundingClientRect().width);
        expect(width).toBeGreaterThanOrEqual(280);
        expect(width).toBeLessThanOrEqual(320);

        await page.click(`[data-chat-id="${kenji?.customer.chat.id}"]`);
        await expect
          .poll(() => events(details))
          .toContainEqual({ name: "customer_profile", data: kenji?.customer });

        await page.click("nav a[data-view=settings]");
        const settings = await widgetFrame(page, "settings");
        await expect.poll(() => events(settings)).toHaveLength(2);
        expect(await messageNames(page)).toContain("settings:plugin_inited");
        // The fullscreen widget stays loaded while hidden, as in the Agent App.
        expect(await page.isHidden("#frame-fullscreen")).toBe(true);
        expect(await events(fullscreen)).toHaveLength(3);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );
});

describe("flow=button in Chromium", () => {
  const openerUrl = (openerOrigin: string, challenge: string) => {
    const authorize = new URL(emulator.url);
    authorize.search = new URLSearchParams({
      response_type: "code",
      client_id: CLIENTS.javascript.client_id,
      redirect_uri: `${host.origin}/callback`,
      state: "popup-state",
      code_challenge: challenge,
      code_challenge_method: "S256",
      // Both tests meet the consent screen, whatever the other one granted.
      prompt: "consent",
      flow: "button",
    }).toString();
    const opener = new URL("/opener", openerOrigin);
    opener.searchParams.set("authorize", authorize.toString());
    opener.searchParams.set("accounts", emulator.url);
    return opener.toString();
  };

  async function signInThroughPopup(page: Page): Promise<void> {
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.click("#sign-in")]);
    await popup.click('button:has-text("Continue as alice@acme.test")');
    // The result page closes the popup at once: listen before the click that leads there.
    const closed = popup.waitForEvent("close");
    await popup.click('button[value="allow"]', { noWaitAfter: true });
    await closed;
  }

  const messages = (page: Page) =>
    page.evaluate(
      () => (window as unknown as { __messages: { origin: string; data: unknown }[] }).__messages,
    );

  it(
    "posts { data: { code, state } } to the opener on the redirect URI's origin, and the code exchanges with PKCE",
    async () => {
      const { verifier, challenge } = pkcePair();
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(openerUrl(host.origin, challenge));
        await signInThroughPopup(page);
        await expect.poll(() => messages(page)).toHaveLength(1);
        const [received] = (await messages(page)) as {
          origin: string;
          data: { data: { code: string; state: string } };
        }[];
        expect(received?.origin).toBe(emulator.url);
        expect(received?.data).toEqual({
          data: { code: expect.any(String), state: "popup-state" },
        });
        const token = await postToken(emulator.url, {
          grant_type: "authorization_code",
          code: received?.data.data.code ?? "",
          client_id: CLIENTS.javascript.client_id,
          redirect_uri: `${host.origin}/callback`,
          code_verifier: verifier,
        });
        expect(token.status).toBe(200);
      } finally {
        await context.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    "never hands the code to an opener on another origin than the redirect URI's",
    async () => {
      const { challenge } = pkcePair();
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        // Same server, other origin: the result page's targetOrigin (localhost) does not match.
        await page.goto(openerUrl(`http://127.0.0.1:${host.port}`, challenge));
        await signInThroughPopup(page);
        await page.waitForTimeout(300);
        expect(await messages(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    BROWSER_TEST_MS,
  );
});
