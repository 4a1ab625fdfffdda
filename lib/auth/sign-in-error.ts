import { AsyncLocalStorage } from "node:async_hooks";
import { LiveChatAuthError, OAUTH_ERROR_CODES } from "@/lib/livechat";
import { log } from "@/lib/log";

// next-auth 4 folds every failed OAuth callback into one `OAuthCallback` error. The cause only
// reaches its logger, so the logger hands it to `noteSignInError` for the request being handled,
// and the auth route handler turns it into a precise `?error=` for the error page.

export const SIGN_IN_ERRORS = [
  "Declined",
  "StateMismatch",
  "PkceMismatch",
  "CodeRejected",
  "LiveChatUnreachable",
  "Configuration",
  "PrivateApp",
  "AlreadySignedIn",
  "TooManySignIns",
  "SignInFailed",
] as const;
export type SignInErrorCode = (typeof SIGN_IN_ERRORS)[number];

// The one-LiveChat-account-per-user constraint refused to link a second account to this user.
const SECOND_ACCOUNT = /Unique constraint failed[\s\S]*(userId|Account_userId_provider_key)/;
// next-auth's own checks of the callback, made before LiveChat is asked anything.
const STATE_CHECK = /state (cookie|value|mismatch|missing)/i;
const PKCE_CHECK = /pkce|code_verifier/i;
// How openid-client and Node word what the accounts server answered, or that nothing answered.
const OAUTH_CODE = new RegExp(`\\b(${OAUTH_ERROR_CODES.join("|")})\\b`);
const NO_ANSWER = /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|socket hang up/i;
const TIMED_OUT = /timed out|timeout/i;
const HTTP_STATUS = /expected 200 OK, got: (\d{3})/;

/** The accounts server's failure described by `text`, as the LiveChat client would have thrown it. */
function accountsFailureIn(text: string): LiveChatAuthError | null {
  // The text (openid-client's `code (description)`) stands in for LiveChat's description.
  const failure = (code: string, status = 0) =>
    new LiveChatAuthError({ code, status, message: text, description: text });
  const code = OAUTH_CODE.exec(text)?.[1];
  if (code) return failure(code);
  if (NO_ANSWER.test(text)) return failure("network");
  if (TIMED_OUT.test(text)) return failure("timeout");
  const status = HTTP_STATUS.exec(text)?.[1];
  return status ? failure("invalid_response", Number(status)) : null;
}

/** Maps what next-auth logged about a failed callback to what the user is told. */
export function classifySignInError(text: string): SignInErrorCode {
  if (SECOND_ACCOUNT.test(text)) return "AlreadySignedIn";
  const failure = accountsFailureIn(text);
  if (failure?.code === "access_denied") return "Declined";
  if (STATE_CHECK.test(text)) return "StateMismatch";
  if (PKCE_CHECK.test(text)) return "PkceMismatch";
  return failure ? signInErrorOf(failure) : "SignInFailed";
}

/** What the user is told when the accounts server failed a sign-in's code exchange or profile read. */
export function signInErrorOf(failure: LiveChatAuthError): SignInErrorCode {
  if (failure.code === "access_denied") return "Declined";
  // Whether trying again can help is the error's own decision, as for a token refresh.
  if (!failure.permanent) return "LiveChatUnreachable";
  // An expired, unknown or already-used code: the user starts again.
  if (failure.refusesGrant) return "CodeRejected";
  // Any other refusal in LiveChat's own words is about the app's client, secret or redirect URI.
  return failure.code === "invalid_response" ? "SignInFailed" : "Configuration";
}

const capture = new AsyncLocalStorage<{ code?: SignInErrorCode }>();

/** Records the first failure of the sign-in request being handled (a no-op outside one). */
export function noteSignInError(text: string): void {
  const store = capture.getStore();
  if (store && !store.code) store.code = classifySignInError(text);
}

const FOLDED = new Set(["OAuthCallback", "Callback", "OAuthSignin", "OAuthAccountNotLinked"]);
const KNOWN: ReadonlySet<string> = new Set(SIGN_IN_ERRORS);

/** The `?error=` of a redirect to next-auth's error or sign-in route, or to our error page. */
function errorOfRedirect(
  location: string,
  requestUrl: string,
  errorPage: string,
): { url: URL; error: string } | null {
  if (!location) return null;
  // next-auth sends its own error page's Location absolute, but `${pages.error}?error=…` for a
  // code it does not know (core/index.js, case "error"): read both against the request's URL.
  const url = new URL(location, requestUrl);
  const error = url.searchParams.get("error");
  const paths = ["/api/auth/error", "/api/auth/signin", errorPage];
  return error !== null && paths.includes(url.pathname) ? { url, error } : null;
}

/**
 * Runs an auth route handler and points a folded callback error at the precise one. An error
 * thrown inside a next-auth callback (a database failure, say) would reach the browser as
 * `?error=<its message>`: it is logged here instead, on one redacted line, and the user gets the
 * sign-in error page's "Sign-in failed".
 */
export async function withPreciseSignInErrors(
  errorPage: string,
  requestUrl: string,
  handle: () => Promise<Response>,
) {
  const store: { code?: SignInErrorCode } = {};
  const response = await capture.run(store, handle);
  const redirect = errorOfRedirect(response.headers.get("Location") ?? "", requestUrl, errorPage);
  if (!redirect || (KNOWN.has(redirect.error) && redirect.url.pathname === errorPage)) {
    return response;
  }
  let code: SignInErrorCode;
  if (redirect.error === "OAuthAccountNotLinked") {
    // next-auth logs nothing when the LiveChat account already belongs to another user (the one
    // signed in here is someone else): that is the same situation as a second account on this user.
    code = "AlreadySignedIn";
  } else if (FOLDED.has(redirect.error)) {
    code = store.code ?? "SignInFailed";
  } else if (KNOWN.has(redirect.error)) {
    code = redirect.error as SignInErrorCode;
  } else {
    log.error("auth.callback_failed", { message: redirect.error.slice(0, 300) });
    code = "SignInFailed";
  }
  const target = new URL(errorPage, redirect.url);
  target.search = new URLSearchParams({ error: code }).toString();
  const headers = new Headers(response.headers);
  headers.set("Location", target.toString());
  // next-auth answers a throwing callback with a 500 that carries the Location: make it a redirect.
  const status = response.status >= 300 && response.status < 400 ? response.status : 302;
  return new Response(response.body, { status, headers });
}
