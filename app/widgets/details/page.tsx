import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { AcceptingAgents } from "@/components/accepting-agents";
import { AgentAppConnection } from "@/components/agent-app";
import { AgentListSkeleton } from "@/components/agent-list-skeleton";
import { ProblemPanel } from "@/components/agent-list";
import { CustomerCard } from "@/components/customer-card";
import { SlowListNotice } from "@/components/slow-list-notice";
import { WidgetHeader } from "@/components/widget-header";
import { endSessions } from "@/lib/auth/session";
import { getAgentPage } from "@/lib/data/agent-board";
import { DEFAULT_AGENT_QUERY } from "@/lib/data/agent-query";
import type { LiveChatSession } from "@/lib/data/viewer";
import { SignedOutWidget } from "../signed-out";
import { getWidgetViewer } from "../widget-viewer";

export const metadata: Metadata = { title: "Chat details" };

const PATH = "/widgets/details";

/**
 * Next to a chat (280 px and up): the chat's customer, from the Agent App, and who in the
 * organization is accepting chats right now, from LiveChat's REST API: what an agent needs
 * before a transfer.
 */
export default async function DetailsWidgetPage() {
  const who = await getWidgetViewer();
  if (who.kind === "signed_out") return <SignedOutWidget placement="details" reason={who.reason} />;
  const { viewer } = who;
  return (
    <main className="stack">
      <AgentAppConnection placement="details" />
      <WidgetHeader name={who.name} />
      <CustomerCard />
      {viewer.kind === "ready" ? (
        <>
          <SlowListNotice />
          <Suspense fallback={<AgentListSkeleton />}>
            <Accepting livechat={viewer.livechat} userId={who.userId} />
          </Suspense>
        </>
      ) : (
        <ProblemPanel problem={viewer.problem} retryHref={PATH} />
      )}
    </main>
  );
}

async function Accepting({ livechat, userId }: { livechat: LiveChatSession; userId: string }) {
  const result = await getAgentPage(livechat, {
    ...DEFAULT_AGENT_QUERY,
    status: "accepting_chats",
  });
  if (result.kind === "problem") return <ProblemPanel problem={result.problem} retryHref={PATH} />;
  if (result.kind === "reauthenticate") {
    // LiveChat refused the token mid-stream: back to this widget's own sign-in.
    await endSessions(userId);
    redirect(PATH);
  }
  return <AcceptingAgents agents={result.page.rows} total={result.page.total} />;
}
