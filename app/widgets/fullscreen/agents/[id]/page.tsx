import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AgentPageBody, agentIdOf } from "@/app/_board/agent-page";
import { AgentAppConnection } from "@/components/agent-app";
import { endSessions } from "@/lib/auth/session";
import { SignedOutWidget } from "../../../signed-out";
import { getWidgetViewer } from "../../../widget-viewer";

export const metadata: Metadata = { title: "Agent" };

type Params = Promise<{ id: string }>;

const BOARD = "/widgets/fullscreen";

/** An agent's page inside the fullscreen widget: the frame never leaves the widget routes. */
export default async function WidgetAgentPage({ params }: { params: Params }) {
  const id = agentIdOf((await params).id);
  const who = await getWidgetViewer();
  if (who.kind === "signed_out")
    return <SignedOutWidget placement="fullscreen" reason={who.reason} />;
  if (id === null) notFound();
  return (
    <>
      <AgentAppConnection placement="fullscreen" />
      <AgentPageBody
        id={id}
        viewer={who.viewer}
        backHref={BOARD}
        onReauthenticate={async () => {
          await endSessions(who.userId);
          redirect(BOARD);
        }}
      />
    </>
  );
}
