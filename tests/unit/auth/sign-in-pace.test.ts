import { describe, expect, it } from "vitest";
import { paceSignIn, SIGN_IN_PACE_COOKIE } from "@/lib/auth/sign-in-pace";

const valueOf = (cookie: string) => cookie.split(";")[0]!.split("=")[1];

describe("paceSignIn: LiveChat's 3 redirects in 30 s", () => {
  it("allows three sign-ins in 30 s and refuses the fourth", () => {
    let value: string | undefined;
    for (const at of [1_000, 2_000, 3_000]) {
      const pace = paceSignIn(value, false, at);
      if (!pace.allowed) throw new Error(`refused at ${at}`);
      expect(pace.cookie).toMatch(
        new RegExp(
          `^${SIGN_IN_PACE_COOKIE}=[0-9.]+; Path=/api/auth; Max-Age=30; HttpOnly; SameSite=Lax$`,
        ),
      );
      value = valueOf(pace.cookie);
    }
    expect(paceSignIn(value, false, 4_000)).toEqual({ allowed: false });
    // Once the first start is 30 s old, one more may go.
    expect(paceSignIn(value, false, 31_000).allowed).toBe(true);
  });

  it("ignores a garbled cookie and marks the cookie Secure on https", () => {
    const pace = paceSignIn("x.-5.1e99.", true, 10_000);
    expect(pace).toMatchObject({ allowed: true });
    if (pace.allowed) {
      expect(valueOf(pace.cookie)).toBe("10000");
      expect(pace.cookie).toMatch(/; Secure$/);
    }
  });
});
