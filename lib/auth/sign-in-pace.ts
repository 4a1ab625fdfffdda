// LiveChat allows "3 redirects in 30 seconds ... per client per user account"; the fourth lands
// on LiveChat's error page (too_many_redirects), which never sends the user back
// (livechat-public-docs src/pages/authorization/oauth-authorization/index.mdx L50). Before
// sign-in the app cannot know the account, so it counts the sign-ins this browser started and,
// at the limit, shows its own page instead of sending the user there.

export const SIGN_IN_PACE_COOKIE = "livechat-sign-in-starts";
const LIMIT = 3;
const WINDOW_MS = 30_000;

export type SignInPace = { allowed: true; cookie: string } | { allowed: false };

/** The start times (ms) a cookie value lists that are still inside the window. */
function recentStarts(value: string | undefined, now: number): number[] {
  return (value ?? "")
    .split(".")
    .map(Number)
    .filter((at) => Number.isSafeInteger(at) && at > 0 && at > now - WINDOW_MS && at <= now);
}

/** Whether one more sign-in may start now; if so, the `Set-Cookie` that counts it. */
export function paceSignIn(
  value: string | undefined,
  secure: boolean,
  now = Date.now(),
): SignInPace {
  const recent = recentStarts(value, now);
  if (recent.length >= LIMIT) return { allowed: false };
  const attributes = `Path=/api/auth; Max-Age=${WINDOW_MS / 1000}; HttpOnly; SameSite=Lax`;
  const cookie = `${SIGN_IN_PACE_COOKIE}=${[...recent, now].join(".")}; ${attributes}`;
  return { allowed: true, cookie: secure ? `${cookie}; Secure` : cookie };
}
