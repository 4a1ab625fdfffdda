import { beforeEach, describe, expect, it } from "vitest";
import { HttpBrowser } from "../../scripts/lib/http-browser";
import { resetDatabase, rowCounts } from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { startSignIn } from "../../scripts/lib/sign-in-over-http";

const NOTHING = { Session: 0, Account: 0, User: 0, Organization: 0, VerificationToken: 0 };

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
  ])("%s: the error page says what happened and nothing is stored", async (_, fault, code) => {
    expect(await callbackWith(fault)).toBe(`${stack.appUrl}/auth/error?error=${code}`);
    expect(await rowCounts(stack.databaseUrl)).toEqual(NOTHING);
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
    expect(await rowCounts(stack.databaseUrl)).toEqual(NOTHING);
  });
});
