// The LiveChat client's public surface: what app/ and lib/ use, and the only way they import it.
// `request` and the HTTP helpers stay internal: new Web API actions belong in this folder, next
// to the retry rules they rely on.
export { LiveChatApiError, LiveChatAuthError, OAUTH_ERROR_CODES } from "./errors";
export type { LiveChatContext } from "./request";
export { tokenRegion } from "./region";
export { getAgent, listAgents } from "./agents";
export type { Agent, AgentField } from "./agents";
export { listGroups } from "./groups";
export type { Group, GroupField } from "./groups";
export { listRoutingStatuses } from "./routing-statuses";
export type { RoutingStatus, RoutingStatusValue } from "./routing-statuses";
export { exchangeCode, getMyAccount, refreshAccessToken, revokeToken } from "./accounts";
export type { CodeGrant, LiveChatAccountProfile, TokenSet } from "./accounts";
export type { AccountsConfig } from "./accounts-request";
export {
  parseAppWebhook,
  webhookDigest,
  webhookFreshness,
  WEBHOOK_MAX_AGE_MS,
  WEBHOOK_MAX_SKEW_MS,
} from "./webhooks";
export type { AppWebhookEvent, InstallationEvent, WebhookFreshness } from "./webhooks";
