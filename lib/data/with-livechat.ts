import "server-only";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { ReauthenticationRequiredError } from "@/lib/auth/errors";
import { refreshRejectedToken, type AccessGrant } from "@/lib/auth/tokens";
import { LiveChatApiError, tokenRegion, type LiveChatContext } from "@/lib/livechat";
import { log } from "@/lib/log";
import { LiveChatSession } from "./livechat-session";

const contextOf = (grant: AccessGrant, region: string | undefined): LiveChatContext => ({
  apiUrl: env().livechat.apiUrl,
  accessToken: grant.accessToken,
  region,
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
    return await directed(livechat, grant, call);
  } catch (error) {
    if (!isAuthentication(error)) throw error;
  }
  const renewed = await refreshRejectedToken(livechat.userId, grant);
  LiveChatSession.renew(livechat, renewed);
  try {
    return await directed(livechat, renewed, call);
  } catch (error) {
    if (isAuthentication(error))
      throw new ReauthenticationRequiredError("access_revoked", { cause: error });
    throw error;
  }
}

/**
 * Calls LiveChat in the session's region. A `misdirected_request` naming another region is tried
 * once more there, and that region is remembered for the organization (the next requests go there
 * at once); if the retry fails too, that failure is the caller's (an outage).
 * @see https://platform.text.com/docs/management/configuration-api#errors
 */
async function directed<T>(
  livechat: LiveChatSession,
  grant: AccessGrant,
  call: (ctx: LiveChatContext) => Promise<T>,
): Promise<T> {
  const region = LiveChatSession.regionOf(livechat);
  try {
    return await call(contextOf(grant, region));
  } catch (error) {
    const named = error instanceof LiveChatApiError ? error.misdirectedTo : undefined;
    if (!named || named === (region ?? tokenRegion(grant.accessToken))) throw error;
    const result = await call(contextOf(grant, named));
    LiveChatSession.redirect(livechat, named);
    await rememberRegion(grant.organizationId, named);
    return result;
  }
}

/** Best effort: the page already has its data, and the next misdirected call teaches it again. */
async function rememberRegion(organizationId: string | null, region: string): Promise<void> {
  if (!organizationId) return;
  try {
    await prisma.organization.updateMany({ where: { id: organizationId }, data: { region } });
    log.info("livechat.region_remembered", { region });
  } catch (error) {
    log.error("livechat.region_not_remembered", { region, error });
  }
}
