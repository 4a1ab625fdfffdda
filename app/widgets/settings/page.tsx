import type { Metadata } from "next";
import { SettingsPanel } from "@/app/_settings/settings-panel";
import { AgentAppConnection } from "@/components/agent-app";
import { ProblemPanel } from "@/components/agent-list";
import { Heading } from "@/components/ds";
import { WidgetHeader } from "@/components/widget-header";
import { endSessions } from "@/lib/auth/session";
import { getSettings } from "@/lib/data/settings";
import { SignedOutWidget } from "../signed-out";
import { getWidgetViewer } from "../widget-viewer";

export const metadata: Metadata = { title: "Settings" };

const PATH = "/widgets/settings";

/** The app's settings in the Agent App's Settings page: the same form and action as /dashboard/settings. */
export default async function SettingsWidgetPage() {
  const who = await getWidgetViewer();
  if (who.kind === "signed_out")
    return <SignedOutWidget placement="settings" reason={who.reason} />;
  const { viewer } = who;
  const result = viewer.kind === "ready" ? await getSettings(viewer.livechat) : viewer;
  if (result.kind === "reauthenticate") {
    await endSessions(who.userId);
    return <SignedOutWidget placement="settings" reason={result.reason} />;
  }
  return (
    <main className="stack">
      <AgentAppConnection placement="settings" />
      <WidgetHeader name={who.name} />
      <Heading as="h1" size="sm">
        Settings
      </Heading>
      {result.kind === "ok" ? (
        <SettingsPanel settings={result.settings} />
      ) : (
        <ProblemPanel problem={result.problem} retryHref={PATH} />
      )}
    </main>
  );
}
