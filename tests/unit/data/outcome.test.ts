import { afterEach, describe, expect, it, vi } from "vitest";
import { LiveChatUnavailableError, ReauthenticationRequiredError } from "@/lib/auth/errors";
import { settle } from "@/lib/data/outcome";
import { LiveChatApiError } from "@/lib/livechat";

const apiError = (type: string, status: number) =>
  new LiveChatApiError({ type, status, message: `LiveChat failed: ${type}` });
const failing = (error: unknown) => () => Promise.reject(error);

describe("settle", () => {
  afterEach(() => vi.restoreAllMocks());

  it("passes a result through", async () => {
    expect(await settle(async () => ({ kind: "ok" }))).toEqual({ kind: "ok" });
  });

  it("turns a sign-in LiveChat no longer accepts into reauthenticate", async () => {
    const error = new ReauthenticationRequiredError("access_revoked");
    expect(await settle(failing(error))).toEqual({
      kind: "reauthenticate",
      reason: "access_revoked",
    });
  });

  it.each([
    [new LiveChatUnavailableError(), "livechat_unavailable"],
    [apiError("service_unavailable", 503), "livechat_unavailable"],
    [apiError("timeout", 0), "livechat_unavailable"],
    [apiError("too_many_requests", 429), "livechat_unavailable"],
    [apiError("authorization", 403), "livechat_refused"],
    [apiError("validation", 400), "livechat_refused"],
    [apiError("invalid_response", 200), "livechat_refused"],
  ])("turns %s into %s", async (error, problem) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await settle(failing(error))).toEqual({ kind: "problem", problem });
  });

  it("still throws what is not expected", async () => {
    await expect(settle(failing(new TypeError("bug")))).rejects.toThrow("bug");
  });
});
