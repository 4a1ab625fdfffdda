import { describe, expect, it } from "vitest";
import { HttpBrowser } from "../../scripts/lib/http-browser";
import { stack } from "../../scripts/lib/stack-env";
import { startSignIn } from "../../scripts/lib/sign-in-over-http";

// LiveChat allows 3 redirects in 30 s per client and account, then shows its own error page,
// which never comes back (livechat-public-docs src/pages/authorization/oauth-authorization/
// index.mdx L50): the app stops a fourth start from this browser and says why.

describe("sign-ins started in a row", () => {
  it("sends the fourth start within 30 s to the app's own page, not to LiveChat", async () => {
    const browser = new HttpBrowser();
    for (let i = 0; i < 3; i += 1) {
      expect(new URL(await startSignIn(browser, stack.appUrl)).origin).toBe(stack.emulatorUrl);
    }
    const fourth = await startSignIn(browser, stack.appUrl);
    expect(fourth).toBe(`${stack.appUrl}/auth/error?error=TooManySignIns`);
    const page = await browser.get(fourth);
    expect(page.html).toContain("Too many sign-ins in a row");
    expect(page.html).toContain("LiveChat allows an app 3 sign-ins per account in 30 seconds");
    // Another browser is not affected.
    const other = new HttpBrowser();
    expect(new URL(await startSignIn(other, stack.appUrl)).origin).toBe(stack.emulatorUrl);
  });
});
