import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProblemPanel } from "@/components/agent-list";
import { AgentFacts } from "@/components/agent-facts";
import { redirectToSignIn, requireSession } from "@/lib/auth/session";
import { getAgentDetail } from "@/lib/data/agent-detail";
import { getViewer } from "@/lib/data/viewer";

export const metadata: Metadata = { title: "Agent" };

type Params = Promise<{ id: string }>;

/** One agent of the signed-in user's organization (LiveChat's get_agent); anyone else is not found. */
export default async function AgentPage({ params }: { params: Params }) {
  const { id: encoded } = await params;
  const id = safeDecode(encoded);
  const returnTo = `/dashboard/agents/${encodeURIComponent(id ?? "")}`;
  const session = await requireSession(returnTo);
  const userId = session.user.id;
  if (id === null) notFound();
  const viewer = await getViewer(userId);
  if (viewer.kind === "reauthenticate") {
    return redirectToSignIn({ returnTo, reason: viewer.reason, userId });
  }
  if (viewer.kind === "problem") {
    return (
      <main className="stack">
        <ProblemPanel problem={viewer.problem} retryHref={returnTo} />
      </main>
    );
  }

  const result = await getAgentDetail(viewer.livechat, id);
  if (result.kind === "reauthenticate") {
    return redirectToSignIn({ returnTo, reason: result.reason, userId });
  }
  if (result.kind === "not_found") notFound();
  return (
    <main className="stack">
      <Link href="/dashboard">← All agents</Link>
      {result.kind === "problem" ? (
        <ProblemPanel problem={result.problem} retryHref={returnTo} />
      ) : (
        <AgentFacts agent={result.agent} />
      )}
    </main>
  );
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
