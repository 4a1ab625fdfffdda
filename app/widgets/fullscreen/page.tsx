import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { AgentAppConnection, FullscreenBadge } from "@/components/agent-app";
import { AgentFilters } from "@/components/agent-filters";
import { AgentList, ProblemPanel, type AgentListResult } from "@/components/agent-list";
import { AgentListSkeleton } from "@/components/agent-list-skeleton";
import { WidgetHeader } from "@/components/widget-header";
import { endSessions } from "@/lib/auth/session";
import {
  AGENT_ROLES,
  AGENT_SORTS,
  AGENT_STATUSES,
  agentQuerySearch,
  parseAgentQuery,
} from "@/lib/data/agent-query";
import { getAgentPage } from "@/lib/data/agent-board";
import type { AgentQuery } from "@/lib/data/types";
import { SignedOutWidget } from "../signed-out";
import { getWidgetViewer } from "../widget-viewer";

export const metadata: Metadata = { title: "Agents" };

const PATH = "/widgets/fullscreen";
const hrefOf = (query: AgentQuery) => `${PATH}${agentQuerySearch(query)}`;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The agents board in the Agent App's main area (its main menu entry opens it). */
export default async function FullscreenWidgetPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const query = parseAgentQuery(await searchParams);
  const who = await getWidgetViewer();
  if (who.kind === "signed_out")
    return <SignedOutWidget placement="fullscreen" reason={who.reason} />;
  const { viewer, userId } = who;

  const list: Promise<AgentListResult> | null =
    viewer.kind === "ready"
      ? getAgentPage(viewer.livechat, query).then(async (result) => {
          if (result.kind !== "reauthenticate") return result;
          // LiveChat refused the token mid-stream: back to this widget's own sign-in.
          await endSessions(userId);
          redirect(PATH);
        })
      : null;
  const filtered = query.q !== "" || query.status !== null || query.role !== null;

  return (
    <main className="stack">
      <AgentAppConnection placement="fullscreen" />
      <WidgetHeader name={who.name} />
      <AgentFilters
        q={query.q}
        status={query.status}
        role={query.role}
        sort={query.sort}
        statuses={AGENT_STATUSES}
        roles={AGENT_ROLES}
        sorts={AGENT_SORTS}
      />
      {list ? (
        <>
          <Suspense fallback={null}>
            <NotAcceptingBadge list={list} />
          </Suspense>
          <Suspense key={hrefOf(query)} fallback={<AgentListSkeleton />}>
            <AgentList
              result={list}
              hrefOf={(page) => hrefOf({ ...query, page })}
              requestedPage={query.page}
              filtered={filtered}
            />
          </Suspense>
        </>
      ) : (
        viewer.kind === "problem" && (
          <ProblemPanel problem={viewer.problem} retryHref={hrefOf(query)} />
        )
      )}
    </main>
  );
}

/** The Agent App's menu badge: how many agents are not accepting chats right now. */
async function NotAcceptingBadge({ list }: { list: Promise<AgentListResult> }) {
  const result = await list;
  return result.kind === "ok" ? (
    <FullscreenBadge count={result.page.counts.not_accepting_chats} />
  ) : null;
}
