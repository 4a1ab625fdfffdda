import "server-only";
import type { ReauthenticationReason } from "@/lib/auth/errors";
import { endSessions, getSession } from "@/lib/auth/session";
import { getViewer, type Viewer } from "@/lib/data/viewer";

/**
 * Who is signed in inside a widget frame. A frame cannot follow the app's sign-in redirect, so a
 * sign-in LiveChat no longer accepts ends the sessions here and the widget shows its own sign-in.
 */
export async function getWidgetViewer(): Promise<
  | { kind: "signed_out"; reason: ReauthenticationReason | null }
  | {
      kind: "signed_in";
      name: string;
      userId: string;
      viewer: Exclude<Viewer, { kind: "reauthenticate" }>;
    }
> {
  const session = await getSession();
  if (!session?.user?.id) return { kind: "signed_out", reason: null };
  const userId = session.user.id;
  const viewer = await getViewer(userId);
  if (viewer.kind === "reauthenticate") {
    await endSessions(userId);
    return { kind: "signed_out", reason: viewer.reason };
  }
  return { kind: "signed_in", name: session.user.name ?? session.user.email ?? "", userId, viewer };
}
