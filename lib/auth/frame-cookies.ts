import "server-only";
import { env } from "@/lib/env";

// Cookies a widget frame can use. Browsers block unpartitioned third-party cookies, so in a frame
// the session lives in a partitioned one (CHIPS: SameSite=None; Secure; Partitioned): kept per
// top-level site, sent only to this app inside the Agent App. The standalone app keeps next-auth's
// first-party SameSite=Lax cookies; both carry the same session cookie name, so one
// getServerSession reads either.

/** next-auth's session cookie name (it prefixes `__Secure-` when the app's URL is https). */
export function sessionCookieName(): string {
  return env().secureCookies ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/**
 * A pending popup sign-in's cookie (its sealed `state` and PKCE verifier), one per sign-in; with
 * `__Secure-` on an https app, as next-auth names its own, so that no http page can plant one.
 */
export const pendingSignInCookie = (id: string) =>
  `${env().secureCookies ? "__Secure-" : ""}widget-sign-in-${id}`;
export const PENDING_SIGN_IN_ID = /^[A-Za-z0-9_-]{16}$/;
/** Only the sign-in endpoints ever need it: every other request goes without the sealed verifier. */
export const PENDING_SIGN_IN_PATH = "/api/widgets/sign-in";

/** Attributes of a cookie that lives in the frame's partition. */
export function frameCookie(maxAgeSeconds: number, path = "/") {
  return {
    httpOnly: true,
    secure: true,
    sameSite: "none" as const,
    partitioned: true,
    path,
    maxAge: maxAgeSeconds,
  };
}

/**
 * Widget endpoints take requests only from the app's own pages (the frame's document): a form or
 * script on another site carries its own Origin. SameSite=None cookies need this check. The
 * app's origin is the one it was reached at (a Vercel deployment may have several).
 */
export function fromOwnPage(request: Request): boolean {
  const origin = request.headers.get("origin");
  return origin !== null && origin === new URL(request.url).origin;
}
