import type { Metadata } from "next";
import { Suspense } from "react";
import { AgentBoardSection, startAgentList } from "@/app/_board/agent-board";
import type { AgentListResult } from "@/components/agent-list";
import { Heading } from "@/components/ds";
import { InstallationLine, OrganizationCard } from "@/components/organization-card";
import { redirectToSignIn, requireSession } from "@/lib/auth/session";
import { agentQuerySearch, parseAgentQuery } from "@/lib/data/agent-query";
import type { OrganizationSummary } from "@/lib/data/types";
import { getViewer } from "@/lib/data/viewer";

export const metadata: Metadata = { title: "Agents" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const PATH = "/dashboard";

/**
 * The shell (header, organization, filters) goes out at once; the agent list streams in behind a
 * skeleton when LiveChat answers. Everything that may redirect to sign-in is decided before.
 */
export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const query = parseAgentQuery(await searchParams);
  const returnTo = `${PATH}${agentQuerySearch(query)}`;
  const session = await requireSession(returnTo);
  const userId = session.user.id;
  const viewer = await getViewer(userId);
  if (viewer.kind === "reauthenticate") {
    return redirectToSignIn({ returnTo, reason: viewer.reason, userId });
  }
  // LiveChat refused the token mid-stream: Next turns this redirect into a client one.
  const list = startAgentList(viewer, query, (reason) =>
    redirectToSignIn({ returnTo, reason, userId }),
  );

  return (
    <main className="stack">
      <Heading as="h1" size="md">
        Agents
      </Heading>
      {viewer.organization && (
        <OrganizationCard
          organization={viewer.organization}
          installation={
            list && (
              <Suspense fallback={null}>
                <AdminInstallation list={list} organization={viewer.organization} />
              </Suspense>
            )
          }
        />
      )}
      <AgentBoardSection basePath={PATH} query={query} viewer={viewer} list={list} />
    </main>
  );
}

/** Who installed the app is for admins, and LiveChat's answer says who is one. */
async function AdminInstallation({
  list,
  organization,
}: {
  list: Promise<AgentListResult>;
  organization: OrganizationSummary;
}) {
  const result = await list;
  return result.kind === "ok" && result.page.viewerIsAdmin ? (
    <InstallationLine organization={organization} />
  ) : null;
}
