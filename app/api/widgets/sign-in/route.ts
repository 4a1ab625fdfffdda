import { cookies } from "next/headers";
import { frameCookie, fromOwnPage, PENDING_SIGN_IN_COOKIE } from "@/lib/auth/frame-cookies";
import { PENDING_MAX_AGE_SECONDS, startWidgetSignIn } from "@/lib/auth/widget-sign-in";

/** Starts a popup sign-in for this frame: the URL the popup opens; the secrets stay in a cookie. */
export async function POST(request: Request) {
  if (!fromOwnPage(request)) return Response.json({ error: "Forbidden" }, { status: 403 });
  const { authorizeUrl, state, pending } = startWidgetSignIn();
  (await cookies()).set(PENDING_SIGN_IN_COOKIE, pending, frameCookie(PENDING_MAX_AGE_SECONDS));
  return Response.json({ authorizeUrl, state }, { headers: { "Cache-Control": "no-store" } });
}
