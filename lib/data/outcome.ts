import "server-only";
import { LiveChatUnavailableError, ReauthenticationRequiredError } from "@/lib/auth/errors";
import { LiveChatApiError } from "@/lib/livechat";
import type { Problem, Reauthenticate } from "./types";
import { log } from "@/lib/log";

/**
 * Runs a read of LiveChat data and returns its expected failures as values: a sign-in LiveChat no
 * longer accepts, an outage (`livechat_unavailable`) or a refusal (`livechat_refused`), as
 * `LiveChatApiError.transient` decides. Anything else is unexpected and still throws.
 */
export async function settle<T>(read: () => Promise<T>): Promise<T | Problem | Reauthenticate> {
  try {
    return await read();
  } catch (error) {
    return expectedFailure(error);
  }
}

/** The value for an expected failure; rethrows anything else. */
export function expectedFailure(error: unknown): Problem | Reauthenticate {
  if (error instanceof ReauthenticationRequiredError) {
    return { kind: "reauthenticate", reason: error.reason };
  }
  if (error instanceof LiveChatUnavailableError) {
    return { kind: "problem", problem: "livechat_unavailable" };
  }
  if (error instanceof LiveChatApiError) {
    log.error("livechat.call_failed", { type: error.type, status: error.status });
    return {
      kind: "problem",
      problem: error.transient ? "livechat_unavailable" : "livechat_refused",
    };
  }
  throw error;
}
