import { beforeEach, describe, expect, it } from "vitest";
import { HttpBrowser } from "../../scripts/lib/http-browser";
import { NO_ROWS, resetDatabase, rowCounts, withDatabase } from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { serviceLog } from "../../scripts/lib/processes";
import { stack } from "../../scripts/lib/stack-env";
import { signInOverHttp, startSignIn } from "../../scripts/lib/sign-in-over-http";

/** Runs a sign-in up to LiveChat's redirect back, applies `fault`, then lands on the callback. */
async function callbackWith(fault: Record<string, unknown>) {
  const browser = new HttpBrowser();
  const callback = await browser.approve(
    await startSignIn(browser, stack.appUrl),
    "alice@acme.test",
  );
  await emulator.fault({ endpoint: "/v2/token", method: "POST", times: 1, ...fault });
  const response = await browser.fetch(callback);
  return response.headers.get("location");
}

describe("sign-in failures at the token exchange", () => {
  beforeEach(async () => {
    await resetDatabase(stack.databaseUrl);
    await emulator.reset();
  });

  it.each([
    ["LiveChat answers 503", { status: 503 }, "LiveChatUnreachable"],
    ["LiveChat answers an HTML error page", { body: "html" }, "LiveChatUnreachable"],
    [
      "LiveChat refuses the client (bad secret, unknown client)",
      { status: 401, error_type: "invalid_client" },
      "Configuration",
    ],
    ["LiveChat refuses the code", { status: 400, error_type: "invalid_grant" }, "CodeRejected"],
    // LiveChat's answer to an expired or used code (troubleshooting/index.mdx L74-76).
    [
      "LiveChat refuses the code as unauthorized_client",
      { status: 401, error_type: "unauthorized_client" },
      "CodeRejected",
    ],
  ])("%s: the error page says what happened and nothing is stored", async (_, fault, code) => {
    expect(await callbackWith(fault)).toBe(`${stack.appUrl}/auth/error?error=${code}`);
    expect(await rowCounts(stack.databaseUrl)).toEqual(NO_ROWS);
  });

  it("a code used twice (a double-click, a second tab) tells the user to start again", async () => {
    const browser = new HttpBrowser();
    const callback = await browser.approve(
      await startSignIn(browser, stack.appUrl),
      "alice@acme.test",
    );
    // The same callback with the same state and PKCE cookies, as a second tab would send it.
    const cookie = browser.cookieHeader(stack.appUrl);
    const first = await browser.fetch(callback);
    expect(first.headers.get("location")).toBe(`${stack.appUrl}/dashboard`);
    const again = await fetch(callback, { headers: { cookie }, redirect: "manual" });
    expect(again.headers.get("location")).toBe(`${stack.appUrl}/auth/error?error=CodeRejected`);
  });

  it("LiveChat unreachable at the profile read also lands on the error page", async () => {
    const browser = new HttpBrowser();
    const callback = await browser.approve(
      await startSignIn(browser, stack.appUrl),
      "alice@acme.test",
    );
    await emulator.fault({ endpoint: "/v2/accounts/me", times: 1, status: 503 });
    expect((await browser.fetch(callback)).headers.get("location")).toBe(
      `${stack.appUrl}/auth/error?error=LiveChatUnreachable`,
    );
    expect(await rowCounts(stack.databaseUrl)).toEqual(NO_ROWS);
  });
});

describe("an error thrown inside a next-auth callback", () => {
  beforeEach(async () => {
    await resetDatabase(stack.databaseUrl);
    await emulator.reset();
  });

  it("is logged on one redacted line and the user lands on the error page, not on its message", async () => {
    // A second sign-in replaces the tokens inside the signIn callback; with the table gone the
    // database throws there, and next-auth alone would redirect to `?error=<Prisma's message>`.
    await signInOverHttp(stack.appUrl, "alice@acme.test");
    const logBefore = appLog().length;
    const browser = new HttpBrowser();
    const callback = await browser.approve(
      await startSignIn(browser, stack.appUrl),
      "alice@acme.test",
    );
    await withDatabase(stack.databaseUrl, (db) =>
      db.query(`ALTER TABLE "Organization" RENAME TO "Organization_gone"`),
    );
    let location: string | null;
    try {
      location = (await browser.fetch(callback)).headers.get("location");
    } finally {
      await withDatabase(stack.databaseUrl, (db) =>
        db.query(`ALTER TABLE "Organization_gone" RENAME TO "Organization"`),
      );
    }
    expect(location).toBe(`${stack.appUrl}/auth/error?error=SignInFailed`);

    await expect.poll(() => callbackFailures(appLog().slice(logBefore))).toHaveLength(1);
    const [line] = callbackFailures(appLog().slice(logBefore));
    expect(line).toMatchObject({ level: "error", event: "auth.callback_failed" });
    expect(line!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const tokens = (await emulator.tokens((await emulator.account("alice@acme.test")).account_id))
      .flatMap((t) => [t.access_token, t.refresh_token])
      .filter(Boolean);
    for (const token of tokens) expect(JSON.stringify(line)).not.toContain(token);
  });
});

describe("next-auth's error route, called by hand", () => {
  it.each([
    ["an error code of its own", "Verification"],
    ["a code nobody sends", "made-up"],
  ])("answers %s with a redirect to the sign-in error page, never a 500", async (_, error) => {
    const response = await fetch(`${stack.appUrl}/api/auth/error?error=${error}`, {
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${stack.appUrl}/auth/error?error=SignInFailed`);
  });
});

/** The public app's log so far. */
const appLog = () => serviceLog("app-public");

function callbackFailures(log: string): Record<string, unknown>[] {
  return log
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.event === "auth.callback_failed");
}
