import type { Metadata } from "next";
import Link from "next/link";
import { AgentTable } from "@/components/agent-table";
import { Notice } from "@/components/notice";
import { OrganizationCard } from "@/components/organization-card";
import { StatusSummary } from "@/components/status-summary";
import { redirectToSignIn, requireSession } from "@/lib/auth/session";
import { getDashboard } from "@/lib/data/dashboard";

export const metadata: Metadata = { title: "Agents · Agent Board" };

const RETURN_TO = "/dashboard";

const PROBLEMS = {
  livechat_unavailable: {
    title: "LiveChat is unreachable",
    detail:
      "The agent list could not be loaded from LiveChat just now. Wait a moment, then try again.",
  },
  livechat_refused: {
    title: "LiveChat refused the request",
    detail:
      "LiveChat did not return the agent list. The app may lack the agents--all:ro scope; sign out and in again, or check the app's scopes.",
  },
};

export default async function DashboardPage() {
  const session = await requireSession(RETURN_TO);
  const dashboard = await getDashboard(session.user.id, session.user.email);
  if (dashboard.kind === "reauthenticate") {
    return redirectToSignIn({
      returnTo: RETURN_TO,
      reason: dashboard.reason,
      userId: session.user.id,
    });
  }

  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-bold">Agents</h1>
      {dashboard.organization && (
        <OrganizationCard
          organization={dashboard.organization}
          showInstallation={dashboard.kind === "ok" && dashboard.viewerIsAdmin}
        />
      )}
      {dashboard.kind === "problem" ? (
        <Notice tone="error" title={PROBLEMS[dashboard.problem].title}>
          {PROBLEMS[dashboard.problem].detail}{" "}
          <Link href={RETURN_TO} prefetch={false} className="font-semibold underline">
            Try again
          </Link>
        </Notice>
      ) : (
        <>
          <StatusSummary counts={dashboard.board.counts} />
          <AgentTable agents={dashboard.board.agents} />
        </>
      )}
    </main>
  );
}
