import { describe, expect, it } from "vitest";
import { classifySignInError, signInErrorOf } from "@/lib/auth/sign-in-error";
import { LiveChatAuthError } from "@/lib/livechat/errors";

describe("classifySignInError", () => {
  it.each([
    ["access_denied", "Declined"],
    ["State cookie was missing.", "StateMismatch"],
    ["state mismatch, expected abc, got: forged", "StateMismatch"],
    ["PKCE code_verifier cookie was missing.", "PkceMismatch"],
    ["invalid_grant (code is invalid or expired)", "CodeRejected"],
    ["invalid_client (client authentication failed)", "Configuration"],
    // LiveChat's answer to an expired, unknown or already-used code (troubleshooting L74-76).
    [
      "unauthorized_client (The client is not authorized to request a token using this method.)",
      "CodeRejected",
    ],
    ["unauthorized_client", "CodeRejected"],
    // unauthorized_client's reasons that are the app's configuration (troubleshooting L130-136).
    ["unauthorized_client (invalid redirect URI)", "Configuration"],
    ["unauthorized_client (client ID not found)", "Configuration"],
    ["unauthorized_client (missing client_id)", "Configuration"],
    ["unauthorized_client (invalid client secret)", "Configuration"],
    ["connect ECONNREFUSED 127.0.0.1:4010", "LiveChatUnreachable"],
    ["outgoing request timed out after 10000ms", "LiveChatUnreachable"],
    ["expected 200 OK, got: 503 Service Unavailable", "LiveChatUnreachable"],
    ["temporarily_unavailable", "LiveChatUnreachable"],
    ["something nobody expected", "SignInFailed"],
  ])("%s -> %s", (text, code) => {
    expect(classifySignInError(text)).toBe(code);
  });
});

describe("signInErrorOf (the widgets' code exchange)", () => {
  const of = (code: string, status: number, description?: string) =>
    signInErrorOf(new LiveChatAuthError({ code, status, message: "m", description }));

  it.each([
    [
      "unauthorized_client",
      401,
      "The client is not authorized to request a token using this method.",
    ],
    ["unauthorized_client", 401, undefined],
    ["invalid_grant", 401, "code_verifier does not match the code_challenge"],
  ])("tells the user to start again for %s (HTTP %i, %s)", (code, status, description) => {
    expect(of(code, status, description)).toBe("CodeRejected");
  });

  it.each([
    ["unauthorized_client", 401, "invalid redirect URI"],
    ["unauthorized_client", 401, "client ID not found"],
    ["invalid_client", 401, "Wrong client_secret"],
    ["unsupported_grant_type", 403, "The authorization grant type is not supported"],
  ])("says the app is not set up correctly for %s (HTTP %i, %s)", (code, status, description) => {
    expect(of(code, status, description)).toBe("Configuration");
  });
});
