import type { Metadata } from "next";
import { Suspense } from "react";
import { AgentFilters } from "@/components/agent-filters";
import { AgentList, ProblemPanel, type AgentListResult } from "@/components/agent-list";
import { AgentListSkeleton } from "@/components/agent-list-skeleton";
import { Heading } from "@/components/ds";
import { Notice } from "@/components/notice";
import { InstallationLine, OrganizationCard } from "@/components/organization-card";
import { redirectToSignIn, requireSession } from "@/lib/auth/session";
import {
  AGENT_ROLES,
  AGENT_SORTS,
  AGENT_STATUSES,
  agentQuerySearch,
  parseAgentQuery,
  shownStatuses,
} from "@/lib/data/agent-query";
import { getAgentPage } from "@/lib/data/agent-board";
import type { AgentQuery, OrganizationSummary } from "@/lib/data/types";
import { getViewer } from "@/lib/data/viewer";

export const metadata: Metadata = { title: "Agents" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const hrefOf = (query: AgentQuery) => `/dashboard${agentQuerySearch(query)}`;

/**
 * The shell (header, organization, filters) goes out at once; the agent list streams in behind a
 * skeleton when LiveChat answers. Everything that may redirect to sign-in is decided before.
 */
export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const query = parseAgentQuery(await searchParams);
  const returnTo = hrefOf(query);
  const session = await requireSession(returnTo);
  const userId = session.user.id;
  const viewer = await getViewer(userId);
  if (viewer.kind === "reauthenticate") {
    return redirectToSignIn({ returnTo, reason: viewer.reason, userId });
  }

  // The organization's settings: default statuses where the URL names none, and a note for all.
  const settings = viewer.organization?.settings;
  const shown = { ...query, defaultStatuses: settings?.defaultStatuses };
  const list: Promise<AgentListResult> | null =
    viewer.kind === "ready"
      ? getAgentPage(viewer.livechat, shown).then((result) =>
          // LiveChat refused the token mid-stream: Next turns this redirect into a client one.
          result.kind === "reauthenticate"
            ? redirectToSignIn({ returnTo, reason: result.reason, userId })
            : result,
        )
      : null;
  const filtered = query.q !== "" || shownStatuses(shown) !== null || query.role !== null;

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
      {settings?.note && (
        <Notice tone="info" title="Note from your organization">
          <span className="pre-line">{settings.note}</span>
        </Notice>
      )}
      <AgentFilters
        q={query.q}
        status={query.status}
        defaultStatuses={settings?.defaultStatuses}
        role={query.role}
        sort={query.sort}
        statuses={AGENT_STATUSES}
        roles={AGENT_ROLES}
        sorts={AGENT_SORTS}
      />
      {list ? (
        <Suspense key={returnTo} fallback={<AgentListSkeleton />}>
          <AgentList
            result={list}
            hrefOf={(page) => hrefOf({ ...query, page })}
            requestedPage={query.page}
            filtered={filtered}
          />
        </Suspense>
      ) : (
        viewer.kind === "problem" && <ProblemPanel problem={viewer.problem} retryHref={returnTo} />
      )}
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
