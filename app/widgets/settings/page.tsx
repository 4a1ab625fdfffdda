import type { Metadata } from "next";
import { AgentAppConnection } from "@/components/agent-app";
import { ProblemPanel } from "@/components/agent-list";
import { Heading } from "@/components/ds";
import { SettingsForm } from "@/components/settings-form";
import { WidgetHeader } from "@/components/widget-header";
import { endSessions } from "@/lib/auth/session";
import { AGENT_STATUSES } from "@/lib/data/agent-query";
import { getSettings } from "@/lib/data/settings";
import { NOTE_MAX_LENGTH } from "@/lib/data/settings-rules";
import { saveSettingsAction } from "../../(dashboard)/dashboard/settings/actions";
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
        <section className="panel">
          <SettingsForm
            settings={result.settings}
            action={saveSettingsAction}
            statuses={AGENT_STATUSES}
            noteMaxLength={NOTE_MAX_LENGTH}
          />
        </section>
      ) : (
        <ProblemPanel problem={result.problem} retryHref={PATH} />
      )}
    </main>
  );
}
