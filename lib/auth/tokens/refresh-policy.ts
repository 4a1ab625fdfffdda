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
 * After a failed refresh: LiveChat refusing the grant (`LiveChatAuthError.endsSession`) ends the
 * LiveChat session; any other failure keeps the current token while it is valid, and otherwise
 * reports LiveChat as unavailable (the refresh token is kept for when it is back).
 */
export function onRefreshFailure(
  grantRefused: boolean,
  currentStillValid: boolean,
): RefreshFailureOutcome {
  if (grantRefused) return "reauthenticate";
  return currentStillValid ? "use_current" : "unavailable";
}
