import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { AgentBoardSection, startAgentList } from "@/app/_board/agent-board";
import { AgentAppConnection, FullscreenBadge } from "@/components/agent-app";
import type { AgentListResult } from "@/components/agent-list";
import { WidgetHeader } from "@/components/widget-header";
import { endSessions } from "@/lib/auth/session";
import { parseAgentQuery } from "@/lib/data/agent-query";
import { SignedOutWidget } from "../signed-out";
import { getWidgetViewer } from "../widget-viewer";

export const metadata: Metadata = { title: "Agents" };

const PATH = "/widgets/fullscreen";

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
  // LiveChat refused the token mid-stream: back to this widget's own sign-in.
  const list = startAgentList(viewer, query, async () => {
    await endSessions(userId);
    redirect(PATH);
  });

  return (
    <main className="stack">
      <AgentAppConnection placement="fullscreen" />
      <WidgetHeader name={who.name} />
      {list && (
        <Suspense fallback={null}>
          <NotAcceptingBadge list={list} />
        </Suspense>
      )}
      <AgentBoardSection basePath={PATH} query={query} viewer={viewer} list={list} />
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
