import { describe, expect, it } from "vitest";
import {
  isStillValid,
  needsRefresh,
  onRefreshFailure,
  REFRESH_MARGIN_MS,
} from "@/lib/auth/tokens/refresh-policy";

const now = new Date("2026-11-30T12:00:00Z");
const inMs = (ms: number) => new Date(now.getTime() + ms);

describe("refresh decision", () => {
  it("keeps a token that expires after the margin", () => {
    expect(needsRefresh(inMs(REFRESH_MARGIN_MS + 1_000), now)).toBe(false);
  });

  it("refreshes inside the 5-minute margin, at expiry, after expiry, and without a known expiry", () => {
    expect(REFRESH_MARGIN_MS).toBe(5 * 60 * 1000);
    expect(needsRefresh(inMs(REFRESH_MARGIN_MS), now)).toBe(true);
    expect(needsRefresh(inMs(60_000), now)).toBe(true);
    expect(needsRefresh(now, now)).toBe(true);
    expect(needsRefresh(inMs(-1), now)).toBe(true);
    expect(needsRefresh(null, now)).toBe(true);
  });

  it("honours a custom margin", () => {
    expect(needsRefresh(inMs(90_000), now, 60_000)).toBe(false);
    expect(needsRefresh(inMs(30_000), now, 60_000)).toBe(true);
  });

  it("treats a token as still usable until its expiry", () => {
    expect(isStillValid(inMs(1), now)).toBe(true);
    expect(isStillValid(now, now)).toBe(false);
    expect(isStillValid(null, now)).toBe(false);
  });

  it("ends the session on a permanent refusal, whatever the current token", () => {
    expect(onRefreshFailure(true, true)).toBe("reauthenticate");
    expect(onRefreshFailure(true, false)).toBe("reauthenticate");
  });

  it("keeps using a valid token through a passing failure, and reports LiveChat unavailable otherwise", () => {
    expect(onRefreshFailure(false, true)).toBe("use_current");
    expect(onRefreshFailure(false, false)).toBe("unavailable");
  });
});
