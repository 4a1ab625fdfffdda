import { Suspense } from "react";
import { AgentFilters } from "@/components/agent-filters";
import { AgentList, ProblemPanel, type AgentListResult } from "@/components/agent-list";
import { AgentListSkeleton } from "@/components/agent-list-skeleton";
import { Notice } from "@/components/notice";
import { SlowListNotice } from "@/components/slow-list-notice";
import type { ReauthenticationReason } from "@/lib/auth/errors";
import {
  AGENT_ROLES,
  AGENT_SORTS,
  AGENT_STATUSES,
  agentQuerySearch,
  MAX_SEARCH_LENGTH,
  shownStatuses,
} from "@/lib/data/agent-query";
import { getAgentPage } from "@/lib/data/agent-board";
import type { AgentQuery } from "@/lib/data/types";
import type { Viewer } from "@/lib/data/viewer";

// The agents board (AgentBoardSection; lib/data's AgentBoard is its data), as the dashboard and the Agent App's fullscreen widget both show it: the
// organization's note, the filters (sent at once) and the list (streamed when LiveChat answers).

type ShownViewer = Exclude<Viewer, { kind: "reauthenticate" }>;

/**
 * Starts the LiveChat reads of the list (not awaited: the page streams it). A token LiveChat
 * refuses mid-stream goes to `onReauthenticate`, which redirects in the page's own way.
 */
export function startAgentList(
  viewer: ShownViewer,
  query: AgentQuery,
  onReauthenticate: (reason: ReauthenticationReason) => Promise<never>,
): Promise<AgentListResult> | null {
  if (viewer.kind !== "ready") return null;
  const defaultStatuses = viewer.organization?.settings.defaultStatuses;
  return getAgentPage(viewer.livechat, { ...query, defaultStatuses }).then((result) =>
    result.kind === "reauthenticate" ? onReauthenticate(result.reason) : result,
  );
}

export function AgentBoardSection({
  basePath,
  query,
  viewer,
  list,
}: {
  basePath: string;
  query: AgentQuery;
  viewer: ShownViewer;
  list: Promise<AgentListResult> | null;
}) {
  const hrefOf = (at: AgentQuery) => `${basePath}${agentQuerySearch(at)}`;
  const settings = viewer.organization?.settings;
  const shown = { ...query, defaultStatuses: settings?.defaultStatuses };
  const filtered = query.q !== "" || shownStatuses(shown) !== null || query.role !== null;
  const view = hrefOf(query);
  // With default statuses from the settings, "no filter" still filters: clearing shows them all.
  const clearHref = settings?.defaultStatuses.length ? `${basePath}?status=all` : basePath;
  return (
    <>
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
        maxQueryLength={MAX_SEARCH_LENGTH}
      />
      {list ? (
        <>
          <SlowListNotice key={`slow:${view}`} />
          <Suspense key={`list:${view}`} fallback={<AgentListSkeleton />}>
            <AgentList
              result={list}
              hrefOf={(page) => hrefOf({ ...query, page })}
              requestedPage={query.page}
              filtered={filtered}
              clearHref={clearHref}
              agentsPath={`${basePath}/agents`}
            />
          </Suspense>
        </>
      ) : (
        viewer.kind === "problem" && <ProblemPanel problem={viewer.problem} retryHref={view} />
      )}
    </>
  );
}
