import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/dashboard?tab=agents#top", "/dashboard?tab=agents#top"],
    ["/install", "/install"],
  ])("keeps a path on this site: %s", (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["an absolute URL", "https://evil.example/phish"],
    ["protocol-relative", "//evil.example"],
    ["a backslash browsers read as a slash", "/\\evil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["a tab browsers strip", "/\t/evil.example"],
    ["an encoded tab", "/%09/evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["the sign-in page itself (a redirect loop)", "/"],
    ["the sign-in page with a query", "/?callbackUrl=/"],
  ])("falls back to the dashboard for %s", (_, value) => {
    expect(safeReturnPath(value)).toBe("/dashboard");
  });
});
