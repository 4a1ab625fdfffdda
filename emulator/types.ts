// The emulator's seeded entities, shaped like LiveChat's wire data (snake_case). Types only.

export type Region = "dal" | "fra";
export type Role = "owner" | "viceowner" | "administrator" | "normal";
/**
 * Where an agent is now. `offline` is a human agent who is logged out: humans are only ever
 * `accepting_chats` or `not_accepting_chats` (livechat-public-docs
 * src/pages/messaging/agent-chat-api/index.mdx L2192), so list_routing_statuses leaves them out.
 */
export type RoutingStatus = "accepting_chats" | "not_accepting_chats" | "offline";
/** The status an agent starts in after logging in (configuration-api/index.mdx L221, L503). */
export type LoginStatus = "accepting chats" | "not accepting chats";

export interface Organization {
  organization_id: string;
  name: string;
  region: Region;
  /**
   * What LiveChat puts before the codes and access tokens of this organization: its region, or a
   * cell of it, as the `fra-a:` tokens of the Global Accounts API spec's examples
   * (livechat-public-docs src/configs/redoc/global-accounts-api/spec.yml L2052, L2183).
   */
  token_prefix: string;
  license_id: number;
}

export interface Account {
  account_id: string;
  email: string;
  name: string;
  organization_id: string;
  role: Role;
  created_at: string;
}

export interface Agent {
  id: string;
  account_id: string;
  name: string;
  organization_id: string;
  role: Role;
  routing_status: RoutingStatus;
  /** Independent of `routing_status`: the default a login starts in, not the current state. */
  login_status: LoginStatus;
  /**
   * A path the emulator serves itself (`/avatars/x.svg`), a scheme-less CDN path as LiveChat's
   * list_agents sample sends (`cdn.livechatinc.com/avatars/1.png`), or "" for none.
   */
  avatar_path: string;
  job_title: string;
  max_chats_count: number;
  groups: { id: number; priority: "first" | "normal" | "last" | "supervisor" }[];
  last_logout: string | null;
  suspended: boolean;
  awaiting_approval: boolean;
  /** Null when the agent gave none: then LiveChat's answer leaves it out. */
  mobile: string | null;
  notifications: string[];
  email_subscriptions: ("daily_summary" | "weekly_summary")[];
  work_scheduler: {
    timezone: string;
    schedule: { day: string; enabled: boolean; start: string; end: string }[];
  };
}

/**
 * A group of an organization's agents, as list_groups sends it (configuration-api/index.mdx
 * L2594-2640). Which agents are in it, and with what priority, is the agents' `groups`: the
 * emulator derives `agent_priorities` and `routing_status` from them, so the two never disagree.
 */
export interface Group {
  id: number;
  organization_id: string;
  name: string;
  language_code: string;
}

export interface Client {
  client_id: string;
  client_secret: string | null;
  name: string;
  application_id: string;
  app_type: "public" | "private";
  client_type: "server_side" | "javascript";
  organization_id: string | null;
  redirect_uris: string[];
  scopes: string[];
}

/** What the Agent App sends a Details widget (`livechat:customer_profile`; agent-app-sdk's ICustomerProfile). */
export interface CustomerProfile {
  id: string;
  name: string;
  email?: string;
  geolocation: {
    country: string;
    country_code: string;
    region: string;
    city: string;
    timezone: string;
  };
  chat: { id: string; groupID: string; preChatSurvey?: { question: string; answer: string }[] };
  source: "chats" | "archives" | "customers";
}
