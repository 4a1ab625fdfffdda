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

describe("LiveChatAuthError.endsSession: only LiveChat refusing the grant signs a user out", () => {
  const ends = (code: string, status: number, description?: string) =>
    new LiveChatAuthError({ code, status, message: "m", description }).endsSession;

  it.each([
    ["invalid_grant", 400, "refresh token expired"],
    ["invalid_grant", 401, undefined],
    ["unauthorized_client", 400, "refresh token not found"],
    ["unauthorized_client", 401, "Refresh_token not found"],
    // LiveChat's generic description for the code (troubleshooting L128): the grant is refused.
    [
      "unauthorized_client",
      401,
      "The client is not authorized to request a token using this method.",
    ],
  ])("ends it for %s (HTTP %i, %s)", (code, status, description) => {
    expect(ends(code, status, description)).toBe(true);
  });

  it.each([
    // A firewall's or proxy's HTML page: not LiveChat's answer.
    ["invalid_response", 403, undefined],
    ["invalid_response", 401, undefined],
    // The client secret being rotated: every user's refresh would fail alike.
    ["invalid_client", 401, "using refresh token with wrong client id"],
    ["unauthorized_client", 400, "invalid client secret"],
    ["unauthorized", 401, undefined],
    ["access_denied", 403, "insufficient_scope"],
    ["temporarily_unavailable", 503, undefined],
    ["network", 0, undefined],
  ])("keeps it for %s (HTTP %i, %s)", (code, status, description) => {
    expect(ends(code, status, description)).toBe(false);
  });
});

describe("LiveChatAuthError.refusesGrant: the code or refresh token, not the app's client", () => {
  const refuses = (code: string, description?: string) =>
    new LiveChatAuthError({ code, status: 401, message: "m", description }).refusesGrant;

  it.each([
    ["unauthorized_client", "The client is not authorized to request a token using this method."],
    ["unauthorized_client", "refresh token not found"],
    ["unauthorized_client", undefined],
    ["invalid_grant", "refresh token expired"],
  ])("is true for %s (%s)", (code, description) => {
    expect(refuses(code, description)).toBe(true);
  });

  it.each([
    ["unauthorized_client", "missing client ID"],
    ["unauthorized_client", "client ID not found"],
    ["unauthorized_client", "invalid client secret"],
    ["unauthorized_client", "invalid redirect URI"],
    ["unauthorized_client", "redirect_uri mismatch"],
    ["invalid_client", "using refresh token with wrong client id"],
    ["access_denied", undefined],
  ])("is false for %s (%s)", (code, description) => {
    expect(refuses(code, description)).toBe(false);
  });
});
