/** Why a user must sign in again; each maps to one line on the sign-in page. */
export type ReauthenticationReason =
  | "session_expired"
  | "access_revoked"
  | "no_tokens"
  /** A private app's user of another organization: their session and tokens are ended. */
  | "other_organization";

/** The LiveChat session is over for good (refresh refused, token revoked): sign in again. */
export class ReauthenticationRequiredError extends Error {
  readonly code = "reauthentication_required";
  constructor(
    readonly reason: ReauthenticationReason,
    options?: ErrorOptions,
  ) {
    super(`LiveChat sign-in must be renewed (${reason}).`, options);
    this.name = "ReauthenticationRequiredError";
  }
}

/** LiveChat cannot be reached right now and no valid token is at hand: try again later. */
export class LiveChatUnavailableError extends Error {
  readonly code = "livechat_unavailable";
  constructor(options?: ErrorOptions) {
    super("LiveChat is unreachable right now.", options);
    this.name = "LiveChatUnavailableError";
  }
}
