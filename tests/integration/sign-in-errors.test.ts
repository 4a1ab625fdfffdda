import { beforeEach, describe, expect, it } from "vitest";
import { CookieJar } from "../support/cookie-jar";
import { resetDatabase, rowCounts } from "../support/database";
import { emulator } from "../support/emulator-control";
import { stack } from "../support/env";
import { approveAtEmulator, startSignIn } from "../support/oauth-flow";

const NOTHING = { Session: 0, Account: 0, User: 0, Organization: 0, VerificationToken: 0 };

/** Runs a sign-in up to LiveChat's redirect back, applies `fault`, then lands on the callback. */
async function callbackWith(fault: Record<string, unknown>) {
  const jar = new CookieJar();
  const callback = await approveAtEmulator(
    jar,
    await startSignIn(jar, stack.appUrl),
    "alice@acme.test",
  );
  await emulator.fault({ endpoint: "/v2/token", method: "POST", times: 1, ...fault });
  const response = await jar.fetch(callback);
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
    const jar = new CookieJar();
    const callback = await approveAtEmulator(
      jar,
      await startSignIn(jar, stack.appUrl),
      "alice@acme.test",
    );
    await emulator.fault({ endpoint: "/v2/accounts/me", times: 1, status: 503 });
    expect((await jar.fetch(callback)).headers.get("location")).toBe(
      `${stack.appUrl}/auth/error?error=LiveChatUnreachable`,
    );
    expect(await rowCounts(stack.databaseUrl)).toEqual(NOTHING);
  });
});
