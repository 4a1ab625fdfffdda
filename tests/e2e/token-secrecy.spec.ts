import { emulator } from "../../scripts/lib/emulator-control";
import { resetDatabase } from "../../scripts/lib/app-database";
import { serviceLogs } from "../../scripts/lib/processes";
import { stack } from "../../scripts/lib/stack-env";
import { expect, signInToDashboard, test } from "./fixtures";

test.beforeEach(async () => {
  await resetDatabase(stack.databaseUrl);
  await emulator.reset();
});

test("no page byte, RSC payload, cookie, localStorage or server log holds the access or refresh token", async ({
  page,
  browser,
  appUrl,
}) => {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    if (new URL(response.url()).origin !== appUrl) return;
    bodies.push(JSON.stringify(await response.allHeaders()));
    bodies.push(await response.text().catch(() => ""));
  });

  await signInToDashboard(page, appUrl, "alice@acme.test");
  // A client-side navigation fetches the RSC payload of the dashboard.
  await page.goto(`${appUrl}/dashboard`);
  await page.evaluate(() => fetch("/dashboard", { headers: { RSC: "1" } }).then((r) => r.text()));
  const rsc = await page.evaluate(() =>
    fetch("/dashboard", { headers: { RSC: "1" } }).then((r) => r.text()),
  );
  bodies.push(rsc);
  expect(rsc).toContain("alice@acme.test");
  // An agent page and a filtered view, loaded and reached by a click (their RSC payloads).
  await page.goto(`${appUrl}/dashboard?q=a&status=accepting_chats&sort=role`);
  await page.getByRole("link", { name: "Alice Archer" }).click();
  await expect(page.locator('article[data-agent-id="alice@acme.test"]')).toBeVisible();
  await page.goto(`${appUrl}/dashboard/agents/${encodeURIComponent("bella@acme.test")}`);
  await expect(page.locator('article[data-agent-id="bella@acme.test"]')).toBeVisible();

  // Page 2 needs more than 50 agents: Globex's owner, in a browser of her own.
  const globex = await browser.newContext();
  const gretaPage = await globex.newPage();
  gretaPage.on("response", async (response) => {
    if (new URL(response.url()).origin !== appUrl) return;
    bodies.push(JSON.stringify(await response.allHeaders()));
    bodies.push(await response.text().catch(() => ""));
  });
  await signInToDashboard(gretaPage, appUrl, "greta@globex.test");
  await gretaPage.getByRole("link", { name: "Next →" }).click();
  await expect(gretaPage).toHaveURL(`${appUrl}/dashboard?page=2`);
  await gretaPage.goto(`${appUrl}/dashboard?page=3&role=normal`);
  await expect(gretaPage.getByRole("navigation", { name: "Pages" })).toContainText("Page 3 of");
  const globexCookies = JSON.stringify(await globex.cookies());
  await globex.close();

  const alice = await emulator.account("alice@acme.test");
  const greta = await emulator.account("greta@globex.test");
  const tokens = await emulator.tokens(alice.account_id);
  expect(tokens.length).toBeGreaterThan(0);
  const gretaTokens = await emulator.tokens(greta.account_id);
  expect(gretaTokens.length).toBeGreaterThan(0);
  tokens.push(...gretaTokens);
  const secrets = tokens
    .flatMap((t) => [t.access_token, t.refresh_token])
    .filter((s): s is string => !!s);
  // The tokens without their region prefix must not appear either.
  const needles = [...secrets, ...secrets.map((s) => s.replace(/^[a-z-]+:/, ""))];

  const cookies = JSON.stringify(await page.context().cookies());
  const appLogs = serviceLogs("app-");
  const storage = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  const haystacks = [...bodies, cookies, globexCookies, storage, ...appLogs];
  expect(bodies.length).toBeGreaterThan(3);
  for (const needle of needles) {
    for (const haystack of haystacks) expect(haystack.includes(needle)).toBe(false);
  }

  // The app's own log lines are structured (lib/log.ts): one JSON object each, with its event.
  const lines = appLogs.flatMap((log) => log.split("\n"));
  const structured = lines.filter((line) => line.startsWith("{"));
  expect(structured.length).toBeGreaterThan(0);
  for (const line of structured) {
    expect(JSON.parse(line)).toEqual(
      expect.objectContaining({
        time: expect.any(String),
        level: expect.any(String),
        event: expect.any(String),
      }),
    );
  }
  expect(lines.filter((line) => /^\[auth\]|^LiveChat /.test(line))).toEqual([]);
});
