import { cookies } from "next/headers";
import { frameCookie, fromOwnPage, sessionCookieName } from "@/lib/auth/frame-cookies";
import { endWidgetSession } from "@/lib/auth/widget-sign-in";

/** Signs the frame out: its session ends and its LiveChat tokens are revoked, as on sign-out. */
export async function POST(request: Request) {
  if (!fromOwnPage(request)) return Response.json({ error: "Forbidden" }, { status: 403 });
  const jar = await cookies();
  await endWidgetSession(jar.get(sessionCookieName())?.value);
  jar.set(sessionCookieName(), "", frameCookie(0));
  return Response.json({ signedOut: true });
}
