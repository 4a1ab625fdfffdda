import { describe, expect, it } from "vitest";
import { classifySignInError } from "@/lib/auth/sign-in-error";

describe("classifySignInError", () => {
  it.each([
    ["access_denied", "Declined"],
    ["State cookie was missing.", "StateMismatch"],
    ["state mismatch, expected abc, got: forged", "StateMismatch"],
    ["PKCE code_verifier cookie was missing.", "PkceMismatch"],
    ["invalid_grant (code is invalid or expired)", "CodeRejected"],
    ["invalid_client (client authentication failed)", "Configuration"],
    ["connect ECONNREFUSED 127.0.0.1:4010", "LiveChatUnreachable"],
    ["outgoing request timed out after 10000ms", "LiveChatUnreachable"],
    ["expected 200 OK, got: 503 Service Unavailable", "LiveChatUnreachable"],
    ["temporarily_unavailable", "LiveChatUnreachable"],
    ["something nobody expected", "SignInFailed"],
  ])("%s -> %s", (text, code) => {
    expect(classifySignInError(text)).toBe(code);
  });
});
