"use server";

import { revalidatePath } from "next/cache";
import { getSession } from "@/lib/auth/session";
import { saveSettings } from "@/lib/data/settings";
import type { SaveSettingsActionResult, SettingsInput } from "@/lib/data/types";
import { getViewer } from "@/lib/data/viewer";

const fromForm = (form: FormData): Record<string, unknown> => ({
  defaultStatuses: form.getAll("defaultStatuses"),
  note: form.get("note"),
});

/**
 * Saves the organization's settings from the standalone page or a widget. It authorizes itself:
 * without a session it says so instead of redirecting (a frame cannot follow a sign-in redirect),
 * and only LiveChat's answer for the signed-in account decides who may save.
 */
export async function saveSettingsAction(
  input: SettingsInput | FormData,
): Promise<SaveSettingsActionResult> {
  const session = await getSession();
  if (!session?.user?.id) return { kind: "signed_out" };
  const viewer = await getViewer(session.user.id);
  if (viewer.kind !== "ready") {
    return viewer.kind === "problem" ? { kind: "problem", problem: viewer.problem } : viewer;
  }
  const result = await saveSettings(
    viewer.livechat,
    input instanceof FormData ? fromForm(input) : input,
  );
  // Every page that shows the settings: the board (standalone and in the Agent App) and this form.
  if (result.kind === "saved") revalidatePath("/", "layout");
  return result;
}
