import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AgentPageBody, agentIdOf } from "@/app/_board/agent-page";
import { redirectToSignIn, requireSession } from "@/lib/auth/session";
import { getViewer } from "@/lib/data/viewer";

export const metadata: Metadata = { title: "Agent" };

type Params = Promise<{ id: string }>;

/** One agent of the signed-in user's organization (LiveChat's get_agent); anyone else is not found. */
export default async function AgentPage({ params }: { params: Params }) {
  const { id: segment } = await params;
  const id = agentIdOf(segment);
  const returnTo = `/dashboard/agents/${encodeURIComponent(id ?? "")}`;
  const session = await requireSession(returnTo);
  const userId = session.user.id;
  if (id === null) notFound();
  const viewer = await getViewer(userId);
  if (viewer.kind === "reauthenticate") {
    return redirectToSignIn({ returnTo, reason: viewer.reason, userId });
  }
  return (
    <AgentPageBody
      id={id}
      viewer={viewer}
      backHref="/dashboard"
      onReauthenticate={(reason) => redirectToSignIn({ returnTo, reason, userId })}
    />
  );
}
