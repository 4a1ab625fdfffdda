import Link from "next/link";
import { notFound } from "next/navigation";
import { AgentFacts } from "@/components/agent-facts";
import { ProblemPanel } from "@/components/agent-list";
import type { ReauthenticationReason } from "@/lib/auth/errors";
import { getAgentDetail } from "@/lib/data/agent-detail";
import type { Viewer } from "@/lib/data/viewer";

// One agent's page, as the dashboard and the fullscreen widget both show it. Another
// organization's agent is not found (LiveChat's get_agent answers not_found), never shown.

/** The agent id of a route segment, or null when it is not valid %-encoding. */
export function agentIdOf(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export async function AgentPageBody({
  id,
  viewer,
  backHref,
  onReauthenticate,
}: {
  id: string;
  viewer: Exclude<Viewer, { kind: "reauthenticate" }>;
  /** The board this page came from. */
  backHref: string;
  onReauthenticate: (reason: ReauthenticationReason) => Promise<never>;
}) {
  const retryHref = `${backHref}/agents/${encodeURIComponent(id)}`;
  if (viewer.kind === "problem") {
    return (
      <main className="stack">
        <ProblemPanel problem={viewer.problem} retryHref={retryHref} />
      </main>
    );
  }
  const result = await getAgentDetail(viewer.livechat, id);
  if (result.kind === "reauthenticate") return onReauthenticate(result.reason);
  if (result.kind === "not_found") notFound();
  return (
    <main className="stack">
      <Link href={backHref}>← All agents</Link>
      {result.kind === "problem" ? (
        <ProblemPanel problem={result.problem} retryHref={retryHref} />
      ) : (
        <AgentFacts agent={result.agent} />
      )}
    </main>
  );
}
