import "server-only";
import { revokeToken } from "@/lib/livechat";
import { accountsConfig } from "./accounts-config";
import { log } from "@/lib/log";

/** Revokes a token at LiveChat, best effort: a failure is logged (never with the token) and the caller goes on. */
export async function revokeQuietly(token: string, why: string): Promise<void> {
  try {
    await revokeToken(accountsConfig(), token);
  } catch (error) {
    log.warn("livechat.revocation_failed", {
      message: `LiveChat token revocation (${why}) failed`,
      error,
    });
  }
}
