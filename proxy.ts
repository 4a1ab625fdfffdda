import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { REQUEST_ID_HEADER } from "@/lib/log";
import { parseTheme, THEME_COOKIE, THEME_HEADER } from "@/lib/theme";

// Not a guard (every page authorizes itself). It decides who may frame a response, and carries
// `?theme=` into the render and into a cookie, so that the theme the app was opened with stays on
// the next page too. It gives every request an id for the server's log lines (lib/log.ts).

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
  const headers = new Headers(request.headers);
  // Ours, never the client's: a forged id could mix its lines into another request's.
  headers.set(REQUEST_ID_HEADER, crypto.randomUUID());
  if (theme) headers.set(THEME_HEADER, theme);
  else headers.delete(THEME_HEADER);
  const response = NextResponse.next({ request: { headers } });

  if (widget) {
    const ancestors = env().agentAppOrigins.join(" ");
    response.headers.set("Content-Security-Policy", `frame-ancestors ${ancestors}`);
  } else {
    response.headers.set("Content-Security-Policy", "frame-ancestors 'none'");
    response.headers.set("X-Frame-Options", "DENY");
  }

  if (theme && request.cookies.get(THEME_COOKIE)?.value !== theme) {
    // In a widget frame only a partitioned cookie is kept (a third-party context).
    const where = widget
      ? { sameSite: "none" as const, secure: true, partitioned: true }
      : { sameSite: "lax" as const };
    response.cookies.set(THEME_COOKIE, theme, { path: "/", maxAge: ONE_YEAR_SECONDS, ...where });
  }
  return response;
}

export const config = {
  // Everything but Next's static assets. (Agent ids are emails, so a page path may well end in
  // ".test" or ".com": no "has an extension" rule here.)
  matcher: ["/((?!_next/static/|_next/image|favicon.ico).*)"],
};
