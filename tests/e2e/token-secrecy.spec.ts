import { readdirSync, readFileSync } from "node:fs";
import { emulator } from "../../scripts/lib/emulator-control";
import { resetDatabase } from "../../scripts/lib/app-database";
import { stack } from "../../scripts/lib/stack-env";
import { expect, signInToDashboard, test } from "./fixtures";

test.beforeEach(async () => {
  await resetDatabase(stack.databaseUrl);
  await emulator.reset();
});

test("no page byte, RSC payload, cookie, localStorage or server log holds the access or refresh token", async ({
  page,
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

  const alice = await emulator.account("alice@acme.test");
  const tokens = await emulator.tokens(alice.account_id);
  expect(tokens.length).toBeGreaterThan(0);
  const secrets = tokens
    .flatMap((t) => [t.access_token, t.refresh_token])
    .filter((s): s is string => !!s);
  // The tokens without their region prefix must not appear either.
  const needles = [...secrets, ...secrets.map((s) => s.replace(/^[a-z-]+:/, ""))];

  const cookies = JSON.stringify(await page.context().cookies());
  const appLogs = readdirSync(".tmp/logs")
    .filter((name) => name.startsWith("app-"))
    .map((name) => readFileSync(`.tmp/logs/${name}`, "utf8"));
  const storage = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  const haystacks = [...bodies, cookies, storage, ...appLogs];
  expect(bodies.length).toBeGreaterThan(3);
  for (const needle of needles) {
    for (const haystack of haystacks) expect(haystack.includes(needle)).toBe(false);
  }
});
