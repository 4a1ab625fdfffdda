// The client's public surface. `request` and the HTTP helpers stay internal: new Web API
// actions belong in this folder, next to the retry rules they rely on.
export { LiveChatApiError, LiveChatAuthError } from "./errors";
export type { LiveChatApiErrorType, LiveChatAuthErrorCode } from "./errors";
export { LIVECHAT_API_VERSION } from "./request";
export type { LiveChatContext } from "./request";
export { tokenRegion } from "./region";
export { listAgents, toAgent } from "./agents";
export type { Agent, AgentField, AgentGroup, AgentRole } from "./agents";
export { listRoutingStatuses, toRoutingStatus } from "./routing-statuses";
export type { RoutingStatus, RoutingStatusValue } from "./routing-statuses";
export { refreshAccessToken, revokeToken, toTokenSet } from "./accounts";
export type { TokenSet } from "./accounts";
export type { AccountsConfig, AccountsEndpoint } from "./accounts-request";
