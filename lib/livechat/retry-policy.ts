import { LiveChatApiError } from "./errors";

const BACKOFF_MS = 250;
// Waiting longer inside a page render is worse than telling the user to come back later.
const MAX_RETRY_AFTER_SECONDS = 5;

/**
 * How long to wait before retrying a failed read-only Web API call (one the error calls
 * `retryable`), or null not to retry.
 */
export function retryDelayMs(error: unknown, attempt: number): number | null {
  if (!(error instanceof LiveChatApiError) || !error.retryable) return null;
  const { retryAfterSeconds } = error;
  if (retryAfterSeconds === undefined) return BACKOFF_MS * 2 ** attempt;
  return retryAfterSeconds <= MAX_RETRY_AFTER_SECONDS ? retryAfterSeconds * 1000 : null;
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110, section 10.2.3). */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
