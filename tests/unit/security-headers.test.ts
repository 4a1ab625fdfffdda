import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

const base = {
  nonce: "bm9uY2Utbm9uY2Utbm9uY2U=",
  frameAncestors: [],
  imageOrigins: ["https://cdn.livechat-files.com"],
  accountsOrigin: "https://accounts.livechat.com",
  https: false,
  development: false,
};

const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((d) => d.startsWith(`${name} `))
    ?.split(" ")
    .slice(1);

describe("contentSecurityPolicy", () => {
  it("in production: scripts and style elements by nonce only, style attributes allowed", () => {
    const policy = contentSecurityPolicy(base);
    expect(directive(policy, "script-src")).toEqual([
      "'self'",
      `'nonce-${base.nonce}'`,
      "'strict-dynamic'",
    ]);
    expect(directive(policy, "style-src")).toEqual(["'self'", `'nonce-${base.nonce}'`]);
    expect(directive(policy, "style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(directive(policy, "img-src")).toEqual([
      "'self'",
      "data:",
      "https://cdn.livechat-files.com",
    ]);
    expect(directive(policy, "form-action")).toEqual(["'self'", "https://accounts.livechat.com"]);
    expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(policy).not.toContain("unsafe-eval");
  });

  it("under next dev: eval for React's debugging, inline style elements for the overlay", () => {
    const policy = contentSecurityPolicy({ ...base, development: true });
    expect(directive(policy, "script-src")).toContain("'unsafe-eval'");
    expect(directive(policy, "style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("lets only the given origins frame a widget", () => {
    const frameAncestors = ["https://my.livechatinc.com", "https://*.livechat.com"];
    expect(
      directive(contentSecurityPolicy({ ...base, frameAncestors }), "frame-ancestors"),
    ).toEqual(frameAncestors);
  });
});

describe("securityHeaders", () => {
  it("sends HSTS over https only, and X-Frame-Options only where nobody may frame", () => {
    expect(securityHeaders(base)).toMatchObject({ "X-Frame-Options": "DENY" });
    expect(securityHeaders(base)).not.toHaveProperty("Strict-Transport-Security");
    const widget = securityHeaders({ ...base, https: true, frameAncestors: ["https://a.test"] });
    expect(widget["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(widget).not.toHaveProperty("X-Frame-Options");
  });
});
