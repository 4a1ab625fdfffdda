import "server-only";
import {
  LiveChatUnavailableError,
  ReauthenticationRequiredError,
  type ReauthenticationReason,
} from "@/lib/auth/errors";
import { LiveChatApiError } from "@/lib/livechat";
import { getAgentBoard } from "./agent-board";
import { getOrganization } from "./organization";
import type { AgentBoard, OrganizationSummary } from "./types";

export type DashboardProblem = "livechat_unavailable" | "livechat_refused";

export type Dashboard =
  | {
      kind: "ok";
      board: AgentBoard;
      organization: OrganizationSummary | null;
      viewerIsAdmin: boolean;
    }
  | { kind: "problem"; problem: DashboardProblem; organization: OrganizationSummary | null }
  | { kind: "reauthenticate"; reason: ReauthenticationReason };

const ADMIN_ROLES = new Set(["owner", "viceowner", "administrator"]);

/**
 * Everything the dashboard shows, with expected failures decided here and returned as values: a
 * LiveChat session that is over (the page sends the user to sign in), or an outage to show.
 */
export async function getDashboard(
  userId: string,
  email: string | null | undefined,
): Promise<Dashboard> {
  const organization = await getOrganization(userId);
  try {
    const board = await getAgentBoard(userId);
    // LiveChat's role of the signed-in agent decides who may see installation details.
    const viewer = board.agents.find((agent) => agent.email === email);
    return {
      kind: "ok",
      board,
      organization,
      viewerIsAdmin: !!viewer && ADMIN_ROLES.has(viewer.role),
    };
  } catch (error) {
    if (error instanceof ReauthenticationRequiredError) {
      return { kind: "reauthenticate", reason: error.reason };
    }
    if (error instanceof LiveChatUnavailableError) {
      return { kind: "problem", problem: "livechat_unavailable", organization };
    }
    if (error instanceof LiveChatApiError) {
      console.error(`LiveChat API call failed: ${error.type} (${error.status})`);
      const problem = error.transient ? "livechat_unavailable" : "livechat_refused";
      return { kind: "problem", problem, organization };
    }
    throw error;
  }
}
