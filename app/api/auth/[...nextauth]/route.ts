import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { AUTH_ERROR_PAGE, authOptions } from "@/lib/auth/options";
import { env } from "@/lib/env";
import { withPreciseSignInErrors } from "@/lib/auth/sign-in-error";
import { paceSignIn, SIGN_IN_PACE_COOKIE } from "@/lib/auth/sign-in-pace";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

let handler: ((req: Request, ctx: RouteContext) => Promise<Response>) | undefined;

/** The sign-in error page instead of LiveChat's: next-auth's client asks for JSON (`json=true`). */
async function tooManySignIns(req: Request): Promise<Response> {
  // The request's own origin: on Vercel NEXTAUTH_URL may be unset (next-auth uses the host).
  const url = new URL(`${AUTH_ERROR_PAGE}?error=TooManySignIns`, req.url).toString();
  const form = await req.formData().catch(() => null);
  if (form?.get("json") === "true") return Response.json({ url });
  return Response.redirect(url, 302);
}

async function handle(req: Request, ctx: RouteContext) {
  const [action, provider] = (await ctx.params).nextauth;
  // next-auth's client-side logging endpoint takes anything from anyone; this app does not use it.
  if (action === "_log") return new Response(null, { status: 404 });
  const nextAuth = (handler ??= NextAuth(authOptions()));
  const run = () => withPreciseSignInErrors(AUTH_ERROR_PAGE, req.url, () => nextAuth(req, ctx));
  if (req.method !== "POST" || action !== "signin" || provider !== "livechat") return run();

  // LiveChat's 3 redirects in 30 s (lib/auth/sign-in-pace.ts): a fourth start gets our page.
  const paced = (await cookies()).get(SIGN_IN_PACE_COOKIE)?.value;
  const pace = paceSignIn(paced, env().secureCookies);
  if (!pace.allowed) return tooManySignIns(req);
  const response = await run();
  const headers = new Headers(response.headers);
  headers.append("Set-Cookie", pace.cookie);
  return new Response(response.body, { status: response.status, headers });
}

export { handle as GET, handle as POST };
