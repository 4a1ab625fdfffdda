import { describe, expect, it } from "vitest";
import { LiveChatAuthError } from "@/lib/livechat/errors";

function permanent(code: string, status: number) {
  return new LiveChatAuthError({ code, status, message: "m" }).permanent;
}

describe("LiveChatAuthError.permanent", () => {
  it.each([
    ["invalid_grant", 400],
    ["invalid_client", 401],
    ["unauthorized_client", 400],
    ["unauthorized", 401],
    ["access_denied", 403],
    ["invalid_request", 422],
    ["unsupported_grant_type", 400],
    ["invalid_grant", 500],
    ["invalid_response", 401],
    ["something_new", 403],
  ])("is true for %s on HTTP %i", (code, status) => {
    expect(permanent(code, status)).toBe(true);
  });

  it.each([
    ["network", 0],
    ["timeout", 0],
    ["temporarily_unavailable", 429],
    ["temporarily_unavailable", 400],
    ["invalid_response", 503],
    ["invalid_response", 200],
    ["server_error", 500],
    ["something_new", 429],
  ])("is false for %s on HTTP %i", (code, status) => {
    expect(permanent(code, status)).toBe(false);
  });

  it("keeps the code, status and cause", () => {
    const cause = new Error("socket hang up");

    const error = new LiveChatAuthError({ code: "network", status: 0, message: "m", cause });

    expect(error).toMatchObject({ name: "LiveChatAuthError", code: "network", status: 0, cause });
  });
});
