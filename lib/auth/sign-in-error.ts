import { AsyncLocalStorage } from "node:async_hooks";
import type { LoggerInstance } from "next-auth";

/**
 * next-auth 4 folds every failed OAuth callback into one `OAuthCallback` error. The cause only
 * reaches its logger, so the logger classifies it for the request being handled and the auth
 * route handler turns it into a precise `?error=` for the error page.
 */

export const SIGN_IN_ERRORS = [
  "Declined",
  "StateMismatch",
  "PkceMismatch",
  "CodeRejected",
  "LiveChatUnreachable",
  "Configuration",
  "PrivateApp",
  "AlreadySignedIn",
  "SignInFailed",
] as const;
export type SignInErrorCode = (typeof SIGN_IN_ERRORS)[number];

const RULES: Array<[RegExp, SignInErrorCode]> = [
  // The one-LiveChat-account-per-user constraint refused to link a second account to this user.
  [/Unique constraint failed[\s\S]*(userId|Account_userId_provider_key)/, "AlreadySignedIn"],
  [/access_denied/i, "Declined"],
  [/state (cookie|value|mismatch|missing)/i, "StateMismatch"],
  [/pkce|code_verifier/i, "PkceMismatch"],
  [/invalid_grant/i, "CodeRejected"],
  [/invalid_client|unauthorized_client|invalid_scope|redirect_uri|client_id/i, "Configuration"],
  [
    /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|timed out|timeout|socket hang up|temporarily_unavailable|expected 200 OK, got: 5\d\d|server_error/i,
    "LiveChatUnreachable",
  ],
];

/** Maps what next-auth logged about a failed callback to what the user is told. */
export function classifySignInError(text: string): SignInErrorCode {
  return RULES.find(([pattern]) => pattern.test(text))?.[1] ?? "SignInFailed";
}

const capture = new AsyncLocalStorage<{ code?: SignInErrorCode }>();

function describe(metadata: unknown): string {
  if (metadata instanceof Error)
    return `${metadata.message} ${String((metadata as { code?: unknown }).code ?? "")}`;
  if (metadata && typeof metadata === "object" && "error" in metadata)
    return describe(metadata.error);
  return String(metadata);
}

/** One line, bounded: nothing logged can forge further log lines. */
const oneLine = (text: string, max: number) =>
  text
    .replace(/[\r\n\t\x00-\x1f\x7f]+/g, " ")
    .trim()
    .slice(0, max);

/** next-auth's logger: one line per error, no metadata objects (they can hold tokens). */
export const authLogger: Partial<LoggerInstance> = {
  error(code, metadata) {
    const text = describe(metadata);
    const store = capture.getStore();
    if (store && !store.code) store.code = classifySignInError(text);
    console.error(`[auth] ${oneLine(String(code), 60)}: ${oneLine(text, 300)}`);
  },
  warn(code) {
    console.warn(`[auth] ${oneLine(String(code), 60)}`);
  },
  debug() {},
};

const FOLDED =
  /\/api\/auth\/(error|signin)\?error=(OAuthCallback|Callback|OAuthSignin|OAuthAccountNotLinked)\b/;

/** Runs an auth route handler and points a folded callback error at the precise one. */
export async function withPreciseSignInErrors(errorPage: string, handle: () => Promise<Response>) {
  const store: { code?: SignInErrorCode } = {};
  const response = await capture.run(store, handle);
  const folded = FOLDED.exec(response.headers.get("Location") ?? "");
  if (!folded) return response;
  // next-auth logs nothing when the LiveChat account already belongs to another user (the one
  // signed in here is someone else): that is the same situation as a second account on this user.
  const code =
    folded[2] === "OAuthAccountNotLinked" ? "AlreadySignedIn" : (store.code ?? "SignInFailed");
  const target = new URL(errorPage, folded.input);
  target.search = new URLSearchParams({ error: code }).toString();
  response.headers.set("Location", target.toString());
  return response;
}
