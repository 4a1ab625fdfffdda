import "server-only";
import { env } from "@/lib/env";
import { ReauthenticationRequiredError } from "@/lib/auth/errors";
import { refreshRejectedToken, type AccessGrant } from "@/lib/auth/tokens";
import { LiveChatApiError, type LiveChatContext } from "@/lib/livechat";
import { LiveChatSession } from "./livechat-session";

const contextOf = (grant: AccessGrant): LiveChatContext => ({
  apiUrl: env().livechat.apiUrl,
  accessToken: grant.accessToken,
});

const isAuthentication = (error: unknown) =>
  error instanceof LiveChatApiError && error.type === "authentication";

/**
 * Calls LiveChat's REST API with the session's token, as read by `getViewer` (no database read on
 * this path). An `authentication` answer forces one refresh and one retry; a second one means
 * LiveChat no longer accepts this sign-in.
 */
export async function withLiveChat<T>(
  livechat: LiveChatSession,
  call: (ctx: LiveChatContext) => Promise<T>,
): Promise<T> {
  const grant = LiveChatSession.grantOf(livechat);
  try {
    return await call(contextOf(grant));
  } catch (error) {
    if (!isAuthentication(error)) throw error;
  }
  const renewed = await refreshRejectedToken(livechat.userId, grant);
  LiveChatSession.renew(livechat, renewed);
  try {
    return await call(contextOf(renewed));
  } catch (error) {
    if (isAuthentication(error))
      throw new ReauthenticationRequiredError("access_revoked", { cause: error });
    throw error;
  }
}
