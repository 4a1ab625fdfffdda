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
}

/** OAuth error codes the accounts server sends, plus our own `network`, `timeout`, `invalid_response`. */
export type LiveChatAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unauthorized"
  | "access_denied"
  | "unsupported_grant_type"
  | "temporarily_unavailable"
  | "network"
  | "timeout"
  | "invalid_response"
  | (string & {});

const PERMANENT_CODES: ReadonlySet<string> = new Set([
  "invalid_request",
  "invalid_client",
  "invalid_grant",
  "unauthorized_client",
  "unauthorized",
  "access_denied",
  "unsupported_grant_type",
]);
const PERMANENT_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 422]);

/** A failed call to the accounts server (token refresh, revoke, current account). */
export class LiveChatAuthError extends Error {
  override readonly name = "LiveChatAuthError";
  readonly code: LiveChatAuthErrorCode;
  readonly status: number;

  constructor(init: {
    code: LiveChatAuthErrorCode;
    status: number;
    message: string;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
  }

  /**
   * True when retrying cannot help (the grant or the client is bad): the token store should
   * give the token up and send the user through sign-in. False for outages, which a later
   * retry may outlive; unknown failures count as transient so an outage never signs users out.
   */
  get permanent(): boolean {
    if (this.code === "temporarily_unavailable") return false;
    return PERMANENT_CODES.has(this.code) || PERMANENT_STATUSES.has(this.status);
  }
}
