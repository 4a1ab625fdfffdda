// The data the pages hand to components: declared once, here, types only. Components may
// `import type` from this module (never import lib/data at run time). Nothing here may carry a
// token or a session secret: all of it can end up in the browser.

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

export interface AgentBoard {
  agents: AgentRow[];
  counts: Record<"accepting_chats" | "not_accepting_chats" | "offline", number>;
}

/** The organization of the user's LiveChat account, as the dashboard shows it. */
export interface OrganizationSummary {
  id: string;
  region: string;
  installedAt: Date;
  installedBy: string | null;
}
