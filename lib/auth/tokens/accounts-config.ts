import "server-only";
import { env } from "@/lib/env";
import type { AccountsConfig } from "@/lib/livechat";

/** The accounts server and the app's client, as the LiveChat client wants them. */
export function accountsConfig(): AccountsConfig {
  const { accountsUrl, clientId, clientSecret } = env().livechat;
  return { accountsUrl, clientId, clientSecret };
}
