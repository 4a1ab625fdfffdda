import type { FrameLocator, Locator, Page } from "@playwright/test";
import { SEEDED } from "../../emulator/fixtures";
import { withDatabase } from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { expect } from "./fixtures";

// The emulator's Agent App imitation (emulator/agent-app/) with the public app's widgets in its
// frames (scripts/lib/stack.ts sets EMULATOR_WIDGET_*_URL): 127.0.0.1 frames localhost, so every
// widget here is a real third-party frame under Chromium's default cookie policy.

export type Placement = "fullscreen" | "details" | "settings";

/** next-auth's session cookie name on an http app URL: the frame's partitioned one shares it. */
export { SESSION_COOKIE } from "../../scripts/lib/sign-in-over-http";

/** The Agent App page that opens `view` (`fullscreen`, `chats`, `settings`), with `?theme=` if given. */
export function agentAppUrl(view: "fullscreen" | "chats" | "settings", theme?: "light" | "dark") {
  const url = new URL(`/agent-app/${view}`, stack.emulatorUrl);
  if (theme) url.searchParams.set("theme", theme);
  return url.toString();
}

export const widgetFrame = (page: Page, placement: Placement): FrameLocator =>
  page.frameLocator(`#frame-${placement}`);

/** Waits until React has hydrated `locator` (its props are attached): a click before does nothing. */
export async function expectHydratedIn(locator: Locator) {
  await expect
    .poll(() =>
      locator.evaluate((element) => Object.keys(element).some((k) => k.startsWith("__reactProps"))),
    )
    .toBe(true);
}

/** Waits until the widget's SDK has finished the Agent App's handshake (plugin_inited). */
export async function expectConnected(page: Page, placement: Placement) {
  await expect(
    page.locator(`#widget-messages li[data-message="plugin_inited"][data-widget="${placement}"]`),
  ).not.toHaveCount(0);
}

export const signInButton = (frame: FrameLocator) =>
  frame.getByRole("button", { name: "Sign in with LiveChat" });

/**
 * Clicks `button` in a widget frame and returns the sign-in popup it opened (a window of the same
 * browser context, which starts on about:blank and goes to LiveChat's accounts server).
 */
export async function openPopup(page: Page, button: Locator): Promise<Page> {
  await expectHydratedIn(button);
  const [popup] = await Promise.all([page.context().waitForEvent("page"), button.click()]);
  return popup;
}

/**
 * Signs in as `email` at the emulator's pages in the popup (consent when asked) until its last page
 * has posted the result and closed it; `keepsOpen` when the test stopped that page's window.close.
 */
export async function signInInPopup(popup: Page, email: string, { keepsOpen = false } = {}) {
  const done = keepsOpen
    ? popup.locator("#popup-result").waitFor()
    : popup.waitForEvent("close").then(() => undefined);
  await popup.getByLabel("Email").fill(email);
  await popup.getByRole("button", { name: "Sign in", exact: true }).click();
  const allow = popup.getByRole("button", { name: "Allow" });
  const next = await Promise.race([
    allow.waitFor().then(
      () => "consent",
      () => "done",
    ),
    done.then(() => "done"),
  ]);
  if (next === "consent") await allow.click();
  await done;
}

/** The whole sign-in from inside the widget at `placement` of the page shown now. */
export async function signInInFrame(page: Page, placement: Placement, email: string) {
  const popup = await openPopup(page, signInButton(widgetFrame(page, placement)));
  await signInInPopup(popup, email);
}

/** The seeded organization's agents, as the emulator serves them. */
export async function organizationAgents(organizationId: string = SEEDED.organizations.acme) {
  const { agents } = await emulator.fixtures();
  return agents.filter((agent) => agent.organization_id === organizationId);
}

export const sessionRows = (): Promise<number> =>
  withDatabase(stack.databaseUrl, async (db) => {
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Session"`);
    return Number(rows[0]!.n);
  });

/** Whether the document inside `frame` scrolls sideways, and how wide it is. */
export const horizontalOverflow = (frame: FrameLocator) =>
  frame.locator("html").evaluate((html) => ({
    width: html.clientWidth,
    overflows: html.scrollWidth > html.clientWidth,
  }));
