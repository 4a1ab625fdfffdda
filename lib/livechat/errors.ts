// The two error classes of the LiveChat client. Each decides, once, what its failures mean:
// `LiveChatApiError.transient` / `.retryable` and `LiveChatAuthError.permanent`. Callers (the
// retry policy, the token store, the dashboard, the sign-in error page) read those properties
// and keep no lists of their own.

/**
 * LiveChat's Web API error types, plus our own `network`, `timeout` and `invalid_response`.
 * @see https://platform.text.com/docs/management/configuration-api#possible-errors
 */
export type LiveChatApiErrorType =
  | "authentication"
  | "authorization"
  | "validation"
  | "not_found"
  | "too_many_requests"
  | "internal"
  | "service_unavailable"
  | "misdirected_request"
  | "license_expired"
  | "unsupported_version"
  | "network"
  | "timeout"
  | "invalid_response"
  // Keeps editor completion for the known types while accepting ones LiveChat adds later.
  | (string & {});

const TRANSIENT_TYPES: ReadonlySet<string> = new Set([
  "network",
  "timeout",
  "service_unavailable",
  "internal",
  "too_many_requests",
  // Still misdirected after retrying where LiveChat pointed: its routing is broken, not our call.
  "misdirected_request",
]);
// A region name as LiveChat's token prefixes write them (`dal`, `fra`, `fra-a`): the value goes
// into a header and the database, so nothing else is taken from an error body.
const REGION = /^[a-z]{2,8}(?:-[a-z0-9]{1,8})?$/;
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** A failed Web API (REST) call. `status` is 0 when no HTTP response arrived. */
export class LiveChatApiError extends Error {
  override readonly name = "LiveChatApiError";
  readonly type: LiveChatApiErrorType;
  readonly status: number;
  readonly data?: unknown;
  readonly retryAfterSeconds?: number;

  constructor(init: {
    type: LiveChatApiErrorType;
    status: number;
    message: string;
    data?: unknown;
    retryAfterSeconds?: number;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.type = init.type;
    this.status = init.status;
    this.data = init.data;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /**
   * True for an outage or overload that a later try may outlive ("LiveChat is unreachable");
   * false for a refusal that trying again will not change (scope, validation, not found).
   */
  get transient(): boolean {
    return TRANSIENT_TYPES.has(this.type);
  }

  /**
   * For `misdirected_request`, the region LiveChat says the call belongs to (`data.region`, "where
   * the client should be connected": livechat-public-docs src/constants/index.js L584-587).
   */
  get misdirectedTo(): string | undefined {
    if (this.type !== "misdirected_request") return undefined;
    const region: unknown = (this.data as { region?: unknown } | null | undefined)?.region;
    return typeof region === "string" && REGION.test(region) ? region : undefined;
  }

  /**
   * True when retrying at once, inside the same request, is worth it: a network error, 429 or a
   * gateway's 502-504. A timeout is not (each retry would cost another full timeout), nor a 500.
   */
  get retryable(): boolean {
    return this.type === "network" || RETRYABLE_STATUSES.has(this.status);
  }
}

/** OAuth error codes the accounts server sends. */
export const OAUTH_ERROR_CODES = [
  "invalid_request",
  "invalid_client",
  "invalid_grant",
  "unauthorized_client",
  "unauthorized",
  "access_denied",
  "unsupported_grant_type",
  "invalid_scope",
  "temporarily_unavailable",
  "server_error",
] as const;

/** OAuth error codes, plus our own `network`, `timeout`, `invalid_response`. */
export type LiveChatAuthErrorCode =
  (typeof OAUTH_ERROR_CODES)[number] | "network" | "timeout" | "invalid_response" | (string & {});

// The OAuth codes that mean "try again later"; every other one is a refusal.
const PASSING_CODES: ReadonlySet<string> = new Set(["temporarily_unavailable", "server_error"]);
const OAUTH_CODES: ReadonlySet<string> = new Set(OAUTH_ERROR_CODES);
const PERMANENT_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 422]);
// The reasons of unauthorized_client that are about the app's own client, not the user's grant
// (livechat-public-docs src/pages/authorization/troubleshooting/index.mdx L130-136).
const CLIENT_REASON = /client[ _]?id|client[ _]secret|redirect[ _]?ur[il]/i;

/** A failed call to the accounts server (token exchange or refresh, revoke, current account). */
export class LiveChatAuthError extends Error {
  override readonly name = "LiveChatAuthError";
  readonly code: LiveChatAuthErrorCode;
  readonly status: number;
  /** LiveChat's `error_description`, when its JSON error had one. */
  readonly description?: string;

  constructor(init: {
    code: LiveChatAuthErrorCode;
    status: number;
    message: string;
    description?: string;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.description = init.description;
  }

  /**
   * True only when LiveChat's own JSON answer refused the grant (`refusesGrant`): the refresh
   * token is expired, revoked or unknown (`invalid_grant`; `unauthorized_client`, whose listed
   * reasons include "refresh token not found", livechat-public-docs src/pages/authorization/
   * troubleshooting/index.mdx L130-136, though its description may be the generic one). Only this
   * ends a user's LiveChat session. A proxy's or firewall's page (`invalid_response`),
   * `invalid_client` while the client secret is being rotated, or an `unauthorized_client` that
   * names the client, is an outage: ending sessions for it would delete every user's refresh token.
   */
  get endsSession(): boolean {
    return this.refusesGrant;
  }

  /**
   * True when LiveChat refused the grant itself (the authorization code or refresh token), not
   * the app's client. LiveChat answers an expired, unknown or already-used code with
   * `unauthorized_client` ("The client is not authorized to request a token using this method",
   * troubleshooting/index.mdx L74-76), the same code it gives a wrong client id, secret or
   * redirect URI (L130-136): only the description tells them apart.
   */
  get refusesGrant(): boolean {
    if (this.code === "invalid_grant") return true;
    return this.code === "unauthorized_client" && !CLIENT_REASON.test(this.description ?? "");
  }

  /**
   * True when retrying cannot help (the grant or the client is bad): the token store should
   * give the token up and send the user through sign-in. False for outages, which a later
   * retry may outlive; unknown failures count as transient so an outage never signs users out.
   */
  get permanent(): boolean {
    if (PASSING_CODES.has(this.code)) return false;
    return OAUTH_CODES.has(this.code) || PERMANENT_STATUSES.has(this.status);
  }
}
