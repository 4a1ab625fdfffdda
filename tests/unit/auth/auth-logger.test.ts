import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger } from "@/lib/auth/auth-logger";
import { classifySignInError } from "@/lib/auth/sign-in-error";

describe("authLogger", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes one bounded line, whatever the code and message contain", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    authLogger.error!(
      ("CODE\n[auth] FORGED_LINE" + "x".repeat(500)) as never,
      new Error("first\r\nsecond"),
    );
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(1));
    const line = String(error.mock.calls[0]![0]);
    expect(line).not.toMatch(/[\r\n]/);
    expect(line.length).toBeLessThan(400);
    expect(line).toContain("first second");
  });

  it("never prints the metadata object it is given (it can hold tokens)", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    authLogger.error!("OAUTH_CALLBACK_ERROR", {
      error: new Error("invalid_grant"),
      providerId: "livechat",
      tokens: { access_token: "dal:secret" },
    } as never);
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(1));
    expect(String(error.mock.calls[0]![0])).not.toContain("dal:secret");
  });
});

describe("classifySignInError for a second account on one user", () => {
  it("recognises the one-account-per-user constraint", () => {
    expect(
      classifySignInError("Unique constraint failed on the fields: (`userId`,`provider`)"),
    ).toBe("AlreadySignedIn");
    expect(
      classifySignInError(
        "Unique constraint failed on the constraint: `Account_userId_provider_key`",
      ),
    ).toBe("AlreadySignedIn");
    expect(classifySignInError("Unique constraint failed on the fields: (`email`)")).toBe(
      "SignInFailed",
    );
  });
});
