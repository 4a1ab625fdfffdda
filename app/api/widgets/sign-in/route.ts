import { cookies } from "next/headers";
import {
  frameCookie,
  fromOwnPage,
  PENDING_SIGN_IN_PATH,
  pendingSignInCookie,
} from "@/lib/auth/frame-cookies";
import { PENDING_MAX_AGE_SECONDS, startWidgetSignIn } from "@/lib/auth/widget-sign-in";

/** Starts a popup sign-in for this frame: the URL the popup opens; the secrets stay in a cookie. */
export async function POST(request: Request) {
  if (!fromOwnPage(request)) return Response.json({ error: "Forbidden" }, { status: 403 });
  const { authorizeUrl, state, id, pending } = startWidgetSignIn(new URL(request.url).origin);
  (await cookies()).set(
    pendingSignInCookie(id),
    pending,
    frameCookie(PENDING_MAX_AGE_SECONDS, PENDING_SIGN_IN_PATH),
  );
  return Response.json({ authorizeUrl, state, id }, { headers: { "Cache-Control": "no-store" } });
}
