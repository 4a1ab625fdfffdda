import { NextResponse, type NextRequest } from "next/server";
import { parseTheme, THEME_COOKIE, THEME_HEADER } from "@/lib/theme";

// Not a guard (every page authorizes itself): it only carries `?theme=` into the render and
// into a cookie, so that the theme the app was opened with stays on the next page too.

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export function proxy(request: NextRequest) {
  const theme = parseTheme(request.nextUrl.searchParams.get("theme"));
  if (!theme) return NextResponse.next();
  const headers = new Headers(request.headers);
  headers.set(THEME_HEADER, theme);
  const response = NextResponse.next({ request: { headers } });
  if (request.cookies.get(THEME_COOKIE)?.value !== theme) {
    response.cookies.set(THEME_COOKIE, theme, {
      path: "/",
      sameSite: "lax",
      maxAge: ONE_YEAR_SECONDS,
    });
  }
  return response;
}

export const config = {
  // Pages only: API routes and Next's assets never render a theme. (Agent ids are emails, so a
  // page path may well end in ".test" or ".com": no "has an extension" rule here.)
  matcher: ["/((?!api/|_next/|favicon.ico).*)"],
};
