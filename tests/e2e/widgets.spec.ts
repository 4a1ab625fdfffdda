import { SEEDED } from "../../emulator/fixtures";
import { emulator } from "../../scripts/lib/emulator-control";
import { resetDatabase } from "../../scripts/lib/app-database";
import { signInOverHttp } from "../../scripts/lib/sign-in-over-http";
import { stack } from "../../scripts/lib/stack-env";
import { expect, test } from "./fixtures";
import {
  agentAppUrl,
  expectConnected,
  expectHydratedIn,
  horizontalOverflow,
  openPopup,
  organizationAgents,
  SESSION_COOKIE,
  sessionRows,
  signInButton,
  signInInFrame,
  signInInPopup,
  widgetFrame,
} from "./widgets-helpers";

// The app's widgets inside the emulator's Agent App, in Chromium with its default cookie policy
// (unpartitioned third-party cookies blocked): the popup sign-in, the partitioned session, the
// board, the Details widget, themes, sign-out and uninstall.

const ACME = SEEDED.organizations.acme;
const DARK = "rgb(21, 21, 25)";
const LIGHT = "rgb(255, 255, 255)";

test.beforeEach(async () => {
  await resetDatabase(stack.databaseUrl);
  await emulator.reset();
});

const ids = (agents: Array<{ id: string }>) => agents.map((agent) => agent.id).sort();

test("signing in inside the fullscreen widget through the popup shows the organization's agents; a reload needs no popup; the session cookie is partitioned", async ({
  page,
}) => {
  const agents = await organizationAgents(ACME);
  const notAccepting = agents.filter((a) => a.routing_status === "not_accepting_chats").length;
  expect(notAccepting).toBeGreaterThan(0);

  await page.goto(agentAppUrl("fullscreen"));
  const frame = widgetFrame(page, "fullscreen");
  await signInInFrame(page, "fullscreen", "alice@acme.test");

  await expect(frame.locator("tr[data-agent-id]")).toHaveCount(agents.length);
  const shown = await frame
    .locator("tr[data-agent-id]")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-agent-id") ?? "").sort());
  expect(shown).toEqual(ids(agents));
  await expect(frame.getByText("Signed in as")).toContainText("Alice Archer");
  // The menu entry's badge, set by the widget through the SDK: agents not accepting chats.
  await expect(page.locator('a[data-view="fullscreen"] #fullscreen-badge')).toHaveText(
    String(notAccepting),
  );

  const popups: string[] = [];
  page.context().on("page", (opened) => popups.push(opened.url()));
  await page.reload();
  await expect(frame.locator("tr[data-agent-id]")).toHaveCount(agents.length);
  await expect(signInButton(frame)).toHaveCount(0);
  expect(popups).toEqual([]);

  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === SESSION_COOKIE);
  expect(session).toMatchObject({
    domain: "localhost",
    httpOnly: true,
    secure: true,
    sameSite: "None",
    // Kept for the top-level site that framed the app: the Agent App's (127.0.0.1).
    partitionKey: "http://127.0.0.1",
  });
  // Nothing of the app's in an unpartitioned cookie: Chromium would have refused it anyway.
  const appCookies = cookies.filter((cookie) => cookie.domain === "localhost");
  expect(appCookies.filter((cookie) => !cookie.partitionKey)).toEqual([]);
});

test("the Details widget shows the chat's customer and who accepts chats now, follows a chat switch, and never scrolls sideways down to 280 px", async ({
  page,
  context,
  appUrl,
}) => {
  const accepting = (await organizationAgents(ACME)).filter(
    (a) => a.routing_status === "accepting_chats",
  );
  await page.goto(agentAppUrl("chats"));
  const frame = widgetFrame(page, "details");
  // Signed in from the Details widget's own button this time.
  await signInInFrame(page, "details", "alice@acme.test");

  const customer = frame.locator('section[aria-label="Customer"]');
  await expect(customer).toContainText("Jane Doe");
  await expect(customer).toContainText("jane.doe@example.test");
  const people = frame.locator('section[aria-label="Accepting chats"] li[data-agent-id]');
  await expect(people).toHaveCount(accepting.length);
  expect(
    (await people.evaluateAll((items) => items.map((li) => li.dataset.agentId ?? ""))).sort(),
  ).toEqual(ids(accepting));
  // Each with an avatar: a loaded photo, or the initials for an agent without one.
  for (const person of await people.all()) {
    const image = person.locator("img");
    if (await image.count())
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
        .not.toBe(0);
    else await expect(person.locator(".lc-Avatar, [class*='avatar' i]").first()).toBeVisible();
  }

  await page.locator('[data-chat-id="SEEDCHAT02"]').click();
  await expect(customer).toContainText("Kenji Sato");
  await expect(customer).not.toContainText("Jane Doe");

  // At the Agent App's Details width, then squeezed to 280 px.
  expect(await horizontalOverflow(frame)).toMatchObject({ overflows: false });
  await page.locator("#frame-details").evaluate((iframe: HTMLElement) => {
    iframe.style.flex = "0 0 280px";
    iframe.style.width = "280px";
  });
  await expect.poll(async () => (await horizontalOverflow(frame)).width).toBe(280);
  expect(await horizontalOverflow(frame)).toEqual({ width: 280, overflows: false });

  // The widget URL as a top-level page at a 280 px viewport, signed in first-party.
  const { browser } = await signInOverHttp(appUrl, "adam@acme.test");
  await context.addCookies([
    {
      name: SESSION_COOKIE,
      value: browser.cookie(appUrl, SESSION_COOKIE) ?? "",
      url: appUrl,
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  const narrow = await context.newPage();
  await narrow.setViewportSize({ width: 280, height: 800 });
  await narrow.goto(`${appUrl}/widgets/details`);
  await expect(
    narrow.locator('section[aria-label="Accepting chats"] li[data-agent-id]'),
  ).toHaveCount(accepting.length);
  expect(
    await narrow.evaluate(() => ({
      width: document.documentElement.clientWidth,
      overflows: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    })),
  ).toEqual({ width: 280, overflows: false });
});

test("?theme=dark gives the frame dark colours, and the Agent App's theme switch flips them without a reload", async ({
  page,
}) => {
  const background = () =>
    widgetFrame(page, "fullscreen")
      .locator("body")
      .evaluate((body) => getComputedStyle(body).backgroundColor);

  await page.goto(agentAppUrl("fullscreen", "light"));
  await expectConnected(page, "fullscreen");
  await expect.poll(background).toBe(LIGHT);

  await page.goto(agentAppUrl("fullscreen", "dark"));
  await expectConnected(page, "fullscreen");
  await expect.poll(background).toBe(DARK);
  // A mark in the frame's window: still there after the switch, so the frame was not reloaded.
  await widgetFrame(page, "fullscreen")
    .locator("html")
    .evaluate(() => Object.assign(window, { __notReloaded: true }));

  await page.locator("select#theme-switch").selectOption("light");
  await expect.poll(background).toBe(LIGHT);
  await page.locator("select#theme-switch").selectOption("dark");
  await expect.poll(background).toBe(DARK);
  expect(
    await widgetFrame(page, "fullscreen")
      .locator("html")
      .evaluate(() => (window as { __notReloaded?: boolean }).__notReloaded),
  ).toBe(true);
  await expect(widgetFrame(page, "fullscreen").locator("html")).toHaveClass(/lc-dark-theme/);
});

test("signing out inside the frame ends the session and revokes the tokens at LiveChat", async ({
  page,
}) => {
  const alice = await emulator.account("alice@acme.test");
  await page.goto(agentAppUrl("fullscreen"));
  const frame = widgetFrame(page, "fullscreen");
  await signInInFrame(page, "fullscreen", "alice@acme.test");
  await expect(frame.locator("tr[data-agent-id]").first()).toBeVisible();
  expect(await sessionRows()).toBe(1);

  const signOut = frame.getByRole("button", { name: "Sign out" });
  await expectHydratedIn(signOut);
  await signOut.click();

  await expect(signInButton(frame)).toBeVisible();
  await expect(frame.locator("tr[data-agent-id]")).toHaveCount(0);
  expect(await sessionRows()).toBe(0);
  const tokens = await emulator.tokens(alice.account_id);
  expect(tokens.length).toBeGreaterThan(0);
  expect(tokens.filter((token) => !token.revoked)).toEqual([]);
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === SESSION_COOKIE)).toBeUndefined();

  await page.reload();
  await expect(signInButton(frame)).toBeVisible();
});

test("an uninstall signs the organization's frame sessions out", async ({ page }) => {
  await page.goto(agentAppUrl("fullscreen"));
  const frame = widgetFrame(page, "fullscreen");
  await signInInFrame(page, "fullscreen", "alice@acme.test");
  await expect(frame.locator("tr[data-agent-id]").first()).toBeVisible();

  const delivery = await emulator.installation({
    client_id: "marketplace-app",
    organization_id: ACME,
    event: "application_uninstalled",
  });
  expect(delivery).toEqual({ delivered: true, status: 200 });
  expect(await sessionRows()).toBe(0);

  await page.reload();
  await expect(signInButton(frame)).toBeVisible();
  await expect(frame.locator("tr[data-agent-id]")).toHaveCount(0);
});

test("a blocked popup says so, and the button tries again on click", async ({ page, context }) => {
  // In every frame, before any script of theirs: window.open fails as a popup blocker makes it.
  await context.addInitScript(() => {
    const open = window.open.bind(window);
    Object.assign(window, { __allowPopups: () => (window.open = open) });
    window.open = () => null;
  });
  const popups: string[] = [];
  context.on("page", (opened) => popups.push(opened.url()));
  await page.goto(agentAppUrl("fullscreen"));
  const frame = widgetFrame(page, "fullscreen");
  const button = signInButton(frame);
  await expectHydratedIn(button);
  await button.click();

  const blocked = frame.getByRole("alert").filter({ hasText: "Your browser blocked" });
  await expect(blocked).toHaveText(
    "Your browser blocked the sign-in window. Allow pop-ups for this app, or click the button again.",
  );
  expect(popups).toEqual([]);

  await frame
    .locator("html")
    .evaluate(() => (window as unknown as { __allowPopups: () => void }).__allowPopups());
  const popup = await openPopup(page, frame.getByRole("button", { name: "Try again" }));
  await signInInPopup(popup, "alice@acme.test");
  await expect(frame.locator("tr[data-agent-id]").first()).toBeVisible();
  await expect(blocked).toHaveCount(0);
});
