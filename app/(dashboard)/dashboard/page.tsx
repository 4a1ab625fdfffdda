import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AgentTable } from "@/components/agent-table";
import { Notice } from "@/components/notice";
import { OrganizationCard } from "@/components/organization-card";
import { SignOutButton } from "@/components/sign-out-button";
import { StatusSummary } from "@/components/status-summary";
import { requireSession } from "@/lib/auth/session";
import { getDashboard } from "@/lib/data/dashboard";

export const metadata: Metadata = { title: "Agents · Agent Board" };

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
  const session = await requireSession("/dashboard");
  const dashboard = await getDashboard(session.user.id, session.user.email);
  if (dashboard.kind === "reauthenticate")
    redirect(`/?reason=${dashboard.reason}&callbackUrl=%2Fdashboard`);

  return (
    <main className="mx-auto max-w-5xl space-y-6 px-6 py-10">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Agents</h1>
          <p className="text-sm text-neutral-600">
            Signed in as{" "}
            <span className="font-medium text-neutral-900">
              {session.user.name ?? session.user.email}
            </span>
          </p>
        </div>
        <SignOutButton />
      </header>
      {dashboard.organization && (
        <OrganizationCard
          organization={dashboard.organization}
          showInstallation={dashboard.kind === "ok" && dashboard.viewerIsAdmin}
        />
      )}
      {dashboard.kind === "problem" ? (
        <Notice tone="error" title={PROBLEMS[dashboard.problem].title}>
          {PROBLEMS[dashboard.problem].detail}{" "}
          <Link href="/dashboard" prefetch={false} className="font-semibold underline">
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
