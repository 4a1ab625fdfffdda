import { cookies } from "next/headers";
import { z } from "zod";
import {
  frameCookie,
  fromOwnPage,
  PENDING_SIGN_IN_ID,
  PENDING_SIGN_IN_PATH,
  pendingSignInCookie,
  sessionCookieName,
} from "@/lib/auth/frame-cookies";
import { SIGN_IN_ERROR_MESSAGES } from "@/lib/auth/messages";
import { finishWidgetSignIn } from "@/lib/auth/widget-sign-in";
import { parseJson, readBodyText } from "@/lib/read-body";

const bodySchema = z.object({
  code: z.string().min(1).max(2048),
  state: z.string().min(1).max(512),
  id: z.string().regex(PENDING_SIGN_IN_ID),
});

const MAX_BODY_BYTES = 8 * 1024;
const refused = (status: number, message: string) =>
  Response.json({ error: "SignInFailed", message }, { status });

/**
 * The code LiveChat's popup posted to the frame, handed to the server: exchanged here, never in
 * the browser. The pending sign-in's cookie is cleared whatever the outcome (the code itself is
 * single-use at LiveChat).
 */
export async function POST(request: Request) {
  if (!fromOwnPage(request)) return Response.json({ error: "Forbidden" }, { status: 403 });
  const text = await readBodyText(request, MAX_BODY_BYTES);
  if (text === null) return refused(413, "Not a sign-in result: it is too large.");
  const parsed = bodySchema.safeParse(parseJson(text));
  if (!parsed.success) return refused(400, "Not a sign-in result.");
  const { code, state, id } = parsed.data;
  const jar = await cookies();
  const pending = jar.get(pendingSignInCookie(id))?.value;
  jar.set(pendingSignInCookie(id), "", frameCookie(0, PENDING_SIGN_IN_PATH));
  const previousSession = jar.get(sessionCookieName())?.value;
  const result = await finishWidgetSignIn({ code, state, pending, previousSession });
  if (result.kind === "refused") {
    const { title, detail } = SIGN_IN_ERROR_MESSAGES[result.error];
    return Response.json({ error: result.error, title, message: detail }, { status: 400 });
  }
  const maxAge = Math.floor((result.expires.getTime() - Date.now()) / 1000);
  jar.set(sessionCookieName(), result.sessionToken, frameCookie(maxAge));
  return Response.json({ signedIn: true });
}
