import { NextResponse, type NextRequest } from "next/server";
import { avatarOrigins } from "@/lib/data/avatar-origins";
import { isDevelopment } from "@/lib/development";
import { env } from "@/lib/env";
import { REQUEST_ID_HEADER } from "@/lib/log";
import { NONCE_HEADER, securityHeaders } from "@/lib/security-headers";
import { parseTheme, THEME_COOKIE, THEME_HEADER } from "@/lib/theme";

// Not a guard (every page authorizes itself). It sets the security headers, with a fresh script
// nonce per request (lib/security-headers.ts), which decide who may frame a response too, and it
// carries `?theme=` into the render and into a cookie, so that the theme the app was opened with
// stays on the next page. It gives every request an id for the server's log lines (lib/log.ts).

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The Agent App widgets: the only routes another site (LiveChat's Agent App) may frame. */
const isWidgetRoute = (pathname: string) =>
  pathname === "/widgets" || pathname.startsWith("/widgets/");

const isMalformed = (pathname: string) => {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
};

/** The app's URL is https, or a proxy in front of it (Vercel's) says it was reached over https. */
const isHttps = (request: NextRequest) =>
  env().appUrl.startsWith("https://") ||
  request.nextUrl.protocol === "https:" ||
  request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";

export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  // A broken %-escape (e.g. an edited agent link) gets a plain answer instead of Next's 500.
  if (isMalformed(pathname)) {
    return new NextResponse("This address is not valid: check the link and try again.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const widget = isWidgetRoute(pathname);
  const theme = parseTheme(searchParams.get("theme"));
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const security = securityHeaders({
    nonce,
    frameAncestors: widget ? env().agentAppOrigins : [],
    imageOrigins: avatarOrigins(),
    accountsOrigin: new URL(env().livechat.accountsUrl).origin,
    https: isHttps(request),
    development: isDevelopment,
  });
  const headers = new Headers(request.headers);
  // Ours, never the client's: a forged id could mix its lines into another request's.
  headers.set(REQUEST_ID_HEADER, crypto.randomUUID());
  // Next reads the nonce from the request's CSP and puts it on its own scripts; the root layout
  // reads NONCE_HEADER for its inline one.
  headers.set("Content-Security-Policy", security["Content-Security-Policy"]);
  headers.set(NONCE_HEADER, nonce);
  if (theme) headers.set(THEME_HEADER, theme);
  else headers.delete(THEME_HEADER);
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);

  if (theme && request.cookies.get(THEME_COOKIE)?.value !== theme) {
    // In a widget frame only a partitioned cookie is kept (a third-party context).
    const where = widget
      ? { sameSite: "none" as const, secure: true, partitioned: true }
      : { sameSite: "lax" as const, secure: env().secureCookies };
    response.cookies.set(THEME_COOKIE, theme, { path: "/", maxAge: ONE_YEAR_SECONDS, ...where });
  }
  return response;
}

export const config = {
  // Everything but Next's static assets. (Agent ids are emails, so a page path may well end in
  // ".test" or ".com": no "has an extension" rule here.)
  matcher: ["/((?!_next/static/|_next/image|favicon.ico).*)"],
};
