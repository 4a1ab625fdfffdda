import { SettingsForm } from "@/components/settings-form";
import { AGENT_STATUSES } from "@/lib/data/agent-query";
import { NOTE_MAX_LENGTH } from "@/lib/data/settings-rules";
import type { OrganizationSettingsView } from "@/lib/data/types";
import { saveSettingsAction } from "./actions";

/** The organization's settings form, as /dashboard/settings and the Settings widget show it. */
export function SettingsPanel({ settings }: { settings: OrganizationSettingsView }) {
  return (
    <section className="panel">
      <SettingsForm
        settings={settings}
        action={saveSettingsAction}
        statuses={AGENT_STATUSES}
        noteMaxLength={NOTE_MAX_LENGTH}
      />
    </section>
  );
}
