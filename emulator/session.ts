import type { Context } from "./context";
import type { Session } from "./state";
import { parseCookies } from "./http";
import { randomToken } from "./secrets";

// Distinct name: browsers share cookies across ports, so the app on localhost:3000 sees this jar too.
const COOKIE = "lc_emulator_session";

export function getSession(ctx: Context): Session | null {
  const id = parseCookies(ctx.req.headers.cookie)[COOKIE];
  return (id && ctx.store.sessions.get(id)) || null;
}

/** The browser's session, created (and its cookie set) on first visit. */
export function ensureSession(ctx: Context): Session {
  const existing = getSession(ctx);
  if (existing) return existing;
  const session: Session = { id: randomToken(), csrf: randomToken(), accountId: null };
  ctx.store.sessions.set(session.id, session);
  ctx.res.setHeader("Set-Cookie", `${COOKIE}=${session.id}; Path=/; HttpOnly; SameSite=Lax`);
  return session;
}
