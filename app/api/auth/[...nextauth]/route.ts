import NextAuth from "next-auth";
import { AUTH_ERROR_PAGE, authOptions } from "@/lib/auth/options";
import { withPreciseSignInErrors } from "@/lib/auth/sign-in-error";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

let handler: ((req: Request, ctx: RouteContext) => Promise<Response>) | undefined;

async function handle(req: Request, ctx: RouteContext) {
  // next-auth's client-side logging endpoint takes anything from anyone; this app does not use it.
  if ((await ctx.params).nextauth[0] === "_log") return new Response(null, { status: 404 });
  const nextAuth = (handler ??= NextAuth(authOptions()));
  return withPreciseSignInErrors(AUTH_ERROR_PAGE, () => nextAuth(req, ctx));
}

export { handle as GET, handle as POST };
