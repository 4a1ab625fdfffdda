import NextAuth from "next-auth";
import { AUTH_ERROR_PAGE, authOptions } from "@/lib/auth/options";
import { withPreciseSignInErrors } from "@/lib/auth/sign-in-error";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

let handler: ((req: Request, ctx: RouteContext) => Promise<Response>) | undefined;

function handle(req: Request, ctx: RouteContext) {
  handler ??= NextAuth(authOptions());
  return withPreciseSignInErrors(AUTH_ERROR_PAGE, () => handler!(req, ctx));
}

export { handle as GET, handle as POST };
