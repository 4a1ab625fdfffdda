import type { Metadata } from "next";
import { SettingsPanel } from "@/app/_settings/settings-panel";
import Link from "next/link";
import { ProblemPanel } from "@/components/agent-list";
import { Heading, Text } from "@/components/ds";
import { redirectToSignIn, requireSession } from "@/lib/auth/session";
import { getSettings } from "@/lib/data/settings";
import { getViewer } from "@/lib/data/viewer";

export const metadata: Metadata = { title: "Settings" };

const RETURN_TO = "/dashboard/settings";

/** The organization's settings for this app: every agent sees them, its admins change them. */
export default async function SettingsPage() {
  const session = await requireSession(RETURN_TO);
  const userId = session.user.id;
  const viewer = await getViewer(userId);
  if (viewer.kind === "reauthenticate") {
    return redirectToSignIn({ returnTo: RETURN_TO, reason: viewer.reason, userId });
  }
  const result = viewer.kind === "ready" ? await getSettings(viewer.livechat) : viewer;
  if (result.kind === "reauthenticate") {
    return redirectToSignIn({ returnTo: RETURN_TO, reason: result.reason, userId });
  }

  return (
    <main className="stack">
      <Link href="/dashboard">← All agents</Link>
      <Heading as="h1" size="md">
        Settings
      </Heading>
      <Text as="p" className="muted" noMargin>
        How this app shows the organization&apos;s agents, to everyone in the organization.
      </Text>
      {result.kind === "problem" ? (
        <ProblemPanel problem={result.problem} retryHref={RETURN_TO} />
      ) : (
        <SettingsPanel settings={result.settings} />
      )}
    </main>
  );
}
