import "server-only";
import { env } from "@/lib/env";
import { revokeToken } from "@/lib/livechat";

/** The accounts server and the app's client, as the LiveChat client wants them. */
export function accountsConfig() {
  const { accountsUrl, clientId, clientSecret } = env().livechat;
  return { accountsUrl, clientId, clientSecret };
}

/** Revokes a token at LiveChat, best effort: a failure is logged (never with the token) and the caller goes on. */
export async function revokeQuietly(token: string, why: string): Promise<void> {
  try {
    await revokeToken(accountsConfig(), token);
  } catch (error) {
    console.warn(
      `LiveChat token revocation (${why}) failed: ${error instanceof Error ? error.message : "unknown error"}`,
    );
  }
}
