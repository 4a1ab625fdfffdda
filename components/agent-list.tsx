import Link from "next/link";
import type { AgentPage, Problem } from "@/lib/data/types";
import { AgentTable } from "./agent-table";
import { Button, EmptyState } from "./ds";
import { Notice } from "./notice";
import { Pagination } from "./pagination";
import { RefreshControl } from "./refresh-control";
import { ReplaceUrl } from "./replace-url";
import { StatusSummary } from "./status-summary";
import { ToastOnRender } from "./toast-on-render";

export type AgentListResult = { kind: "ok"; page: AgentPage } | Problem;

interface AgentListProps {
  result: Promise<AgentListResult>;
  /** The URL of a page of this view (`hrefOf(2)` -> `/dashboard?q=ann&page=2`). */
  hrefOf: (page: number) => string;
  /** The page the URL asked for, to move an out-of-range one to the last page. */
  requestedPage: number;
  /** Whether the view has a search or a filter (the empty state offers to clear them). */
  filtered: boolean;
  /** The view with every filter cleared. */
  clearHref: string;
  /** Where an agent's page lives (see AgentTable). */
  agentsPath: string;
}

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

/** The streamed part of the dashboard: it waits for LiveChat, the page shell does not. */
export async function AgentList({
  result,
  hrefOf,
  requestedPage,
  filtered,
  clearHref,
  agentsPath,
}: AgentListProps) {
  const outcome = await result;
  if (outcome.kind === "problem") {
    return <ProblemPanel problem={outcome.problem} retryHref={hrefOf(requestedPage)} />;
  }
  const { page } = outcome;
  const { query } = page;
  return (
    <section aria-label="Agents" className="stack">
      <StatusSummary counts={page.counts} />
      <div className="bar">
        <span className="muted" data-agent-total>
          {page.total === 1 ? "1 agent" : `${page.total} agents`}
          {filtered ? " match" : ""}
        </span>
        <RefreshControl fetchedAt={page.fetchedAt} ok />
      </div>
      {query.page !== requestedPage && <ReplaceUrl href={hrefOf(query.page)} />}
      {page.rows.length === 0 ? (
        <div className="panel">
          <EmptyState
            type="inline"
            title={filtered ? "No agents match these filters" : "No agents yet"}
            actions={
              filtered ? (
                <Button kind="secondary" href={clearHref}>
                  Clear filters
                </Button>
              ) : undefined
            }
          />
        </div>
      ) : (
        <AgentTable agents={page.rows} agentsPath={agentsPath} />
      )}
      <Pagination
        page={query.page}
        pageCount={page.pageCount}
        hrefOf={{
          previous: query.page > 1 ? hrefOf(query.page - 1) : null,
          next: query.page < page.pageCount ? hrefOf(query.page + 1) : null,
        }}
      />
    </section>
  );
}

export function ProblemPanel({
  problem,
  retryHref,
}: {
  problem: Problem["problem"];
  retryHref: string;
}) {
  const { title, detail } = PROBLEMS[problem];
  return (
    <section aria-label="Agents" className="stack">
      <ToastOnRender id={new Date().toISOString()} kind="error" message={`${title}.`} />
      <Notice tone="error" title={title}>
        {detail}{" "}
        <Link href={retryHref} prefetch={false}>
          Try again
        </Link>
      </Notice>
      <RefreshControl fetchedAt={null} ok={false} />
    </section>
  );
}
