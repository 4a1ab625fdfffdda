/** How long before expiry an access token is refreshed. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** True when the token is missing an expiry, expired, or inside the refresh margin. */
export function needsRefresh(
  expiresAt: Date | null,
  now: Date,
  marginMs = REFRESH_MARGIN_MS,
): boolean {
  return !expiresAt || expiresAt.getTime() - now.getTime() <= marginMs;
}

/** True while the token can still be used, even if it is inside the refresh margin. */
export function isStillValid(expiresAt: Date | null, now: Date): boolean {
  return !!expiresAt && expiresAt.getTime() > now.getTime();
}

export type RefreshFailureOutcome = "reauthenticate" | "use_current" | "unavailable";

/**
 * After a failed refresh: a permanent refusal ends the LiveChat session; a passing failure keeps
 * the current token while it is valid, and otherwise reports LiveChat as unavailable.
 */
export function onRefreshFailure(
  permanent: boolean,
  currentStillValid: boolean,
): RefreshFailureOutcome {
  if (permanent) return "reauthenticate";
  return currentStillValid ? "use_current" : "unavailable";
}
