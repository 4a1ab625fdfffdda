// The data the pages hand to components: declared once, here, types only. Components may
// `import type` from this module (never import lib/data at run time). Nothing here may carry a
// token or a session secret: all of it can end up in the browser.

import type { ReauthenticationReason } from "@/lib/auth/errors";
import type { RoutingStatusValue } from "@/lib/livechat";

/** One row of the agents dashboard. */
export interface AgentRow {
  id: string;
  name: string;
  email: string;
  role: string;
  jobTitle: string | null;
  avatarUrl: string | null;
  status: RoutingStatusValue;
}

/** Every agent of the organization, for the server to page through; not a DTO for components. */
export interface AgentBoard {
  agents: AgentRow[];
  counts: Record<"accepting_chats" | "not_accepting_chats" | "offline", number>;
  /**
   * LiveChat account id -> role. The signed-in user is known by account id (from the token), while
   * rows are keyed by agent id (an email): this tells the viewer's role without putting account
   * ids in rows.
   */
  accountRoles: ReadonlyMap<string, string>;
}

/** The organization of the user's LiveChat account, as the dashboard shows it. */
export interface OrganizationSummary {
  id: string;
  region: string;
  installedAt: Date;
  installedBy: string | null;
  /** What its settings ask of the board (the defaults when none were saved). */
  settings: BoardSettings;
}

/** The organization's settings that every agent's board applies. */
export interface BoardSettings {
  /** Shown when the URL names no status; none (or all three) means every status. */
  defaultStatuses: AgentStatusFilter[];
  /** Shown above the agents list; "" for none. */
  note: string;
}

/** The organization's settings as the settings form shows them. */
export interface OrganizationSettingsView extends BoardSettings {
  /** When they were last saved (ISO 8601); null while never saved. */
  updatedAt: string | null;
  /** LiveChat's role of the signed-in agent lets them save: owner, vice owner or administrator. */
  canEdit: boolean;
}

/** What the settings form sends; the server validates every field. */
export interface SettingsInput {
  defaultStatuses: string[];
  note: string;
}

/** Saving the organization's settings: saved, refused field by field, not allowed, or failed. */
export type SaveSettingsResult =
  | { kind: "saved"; settings: OrganizationSettingsView }
  | { kind: "invalid"; fieldErrors: Partial<Record<keyof SettingsInput | "form", string>> }
  | { kind: "forbidden" }
  | Problem
  | Reauthenticate;

/** What the settings form gets back from its server action: a save's result, or no session. */
export type SaveSettingsActionResult = SaveSettingsResult | { kind: "signed_out" };

export type StatusCounts = Record<"accepting_chats" | "not_accepting_chats" | "offline", number>;

export type AgentStatusFilter = "accepting_chats" | "not_accepting_chats" | "offline";
/** `?status=all`: every status, whatever the organization's default. */
export type AgentStatusChoice = AgentStatusFilter | "all";
export type AgentRoleFilter = "owner" | "viceowner" | "administrator" | "normal";
export type AgentSort = "name" | "status" | "role";

/** What the dashboard's URL asks for (`?q=&status=&role=&sort=&page=`), each value checked. */
export interface AgentQuery {
  /** Name or email contains it, case-insensitive; "" for no search. At most 100 characters. */
  q: string;
  /** The URL's status; null when it names none, and the organization's default applies. */
  status: AgentStatusChoice | null;
  /** The organization's default statuses, applied when `status` is null; none for every status. */
  defaultStatuses?: readonly AgentStatusFilter[];
  role: AgentRoleFilter | null;
  sort: AgentSort;
  /** 1-based. */
  page: number;
}

/** One page of the agents board (50 rows), and what the whole organization counts. */
export interface AgentPage {
  rows: AgentRow[];
  /** Per routing status, over the whole organization (not only the query's matches). */
  counts: StatusCounts;
  /** Agents matching the query, on every page. */
  total: number;
  pageSize: number;
  /** At least 1, even when nothing matches. */
  pageCount: number;
  /** The query as served: `page` is clamped to [1, pageCount]. */
  query: AgentQuery;
  /** LiveChat's role of the signed-in agent: owner, vice owner or administrator. */
  viewerIsAdmin: boolean;
  /** When LiveChat answered (ISO 8601). */
  fetchedAt: string;
}

export type LiveChatProblem = "livechat_unavailable" | "livechat_refused";

/** A read of LiveChat data that failed in a way the page shows, instead of throwing. */
export type Problem = { kind: "problem"; problem: LiveChatProblem };

/** LiveChat no longer accepts the user's sign-in: the page sends the user to sign in again. */
export type Reauthenticate = { kind: "reauthenticate"; reason: ReauthenticationReason };

/** One of an agent's groups: its id and the agent's routing priority there (get_agent). */
export interface AgentGroup {
  id: number;
  priority: string;
  /** From list_groups; absent when LiveChat did not name it (no `groups--all:ro`, or it failed). */
  name?: string;
}

/** One agent, as the agent page shows it (LiveChat's `get_agent`). */
export interface AgentDetail extends AgentRow {
  groups: AgentGroup[];
  /** ISO 8601; null when LiveChat has none (never logged out, or logged in now). */
  lastLogout: string | null;
  maxChatsCount: number | null;
  suspended: boolean;
}
