import "server-only";
import {
  LiveChatUnavailableError,
  ReauthenticationRequiredError,
  type ReauthenticationReason,
} from "@/lib/auth/errors";
import { endSessions } from "@/lib/auth/session";
import { LiveChatApiError } from "@/lib/livechat";
import { getAgentBoard, type AgentBoard } from "./agents";
import { getOrganization, type OrganizationSummary } from "./organization";

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
 * Everything the dashboard shows, with expected failures decided here: a LiveChat session that is
 * over ends the app's sessions too (the page sends the user to sign in); an outage is a state to
 * show, not an exception.
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
      await endSessions(userId);
      return { kind: "reauthenticate", reason: error.reason };
    }
    if (error instanceof LiveChatUnavailableError)
      return { kind: "problem", problem: "livechat_unavailable", organization };
    if (error instanceof LiveChatApiError) {
      const transient = [
        "network",
        "timeout",
        "service_unavailable",
        "internal",
        "too_many_requests",
      ].includes(error.type);
      console.error(`LiveChat API call failed: ${error.type} (${error.status})`);
      return {
        kind: "problem",
        problem: transient ? "livechat_unavailable" : "livechat_refused",
        organization,
      };
    }
    throw error;
  }
}
