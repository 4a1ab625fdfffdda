// The emulator's seeded entities, shaped like LiveChat's wire data (snake_case). Types only.

export type Region = "dal" | "fra";
export type Role = "owner" | "viceowner" | "administrator" | "normal";
export type RoutingStatus = "accepting_chats" | "not_accepting_chats" | "offline";

export interface Organization {
  organization_id: string;
  name: string;
  region: Region;
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
  /** Served by the emulator itself; "" for agents without an avatar. */
  avatar_path: string;
  job_title: string;
  max_chats_count: number;
  groups: { id: number; priority: "first" | "normal" | "last" | "supervisor" }[];
  last_logout: string | null;
  suspended: boolean;
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
