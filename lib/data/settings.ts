import "server-only";
import { prisma } from "@/lib/db";
import { listAgents } from "@/lib/livechat";
import { LiveChatSession } from "./livechat-session";
import { settle } from "./outcome";
import { maySaveSettings, parseSettingsInput, toBoardSettings } from "./settings-rules";
import type {
  OrganizationSettingsView,
  Problem,
  Reauthenticate,
  SaveSettingsResult,
} from "./types";
import { withLiveChat } from "./with-livechat";

// The organization's settings for this app. The organization is always the signed-in account's
// own (the token store's account row, which holds the token), never one a client names: another
// organization's settings cannot even be asked for.

const organizationOf = (livechat: LiveChatSession) =>
  LiveChatSession.grantOf(livechat).organizationId;

/** LiveChat's answer for the signed-in account, fetched with its own token: never the client's word. */
async function mayEdit(livechat: LiveChatSession): Promise<boolean> {
  const agents = await withLiveChat(livechat, (ctx) => listAgents(ctx));
  return maySaveSettings(agents, livechat.accountId);
}

type SettingsRow = { defaultStatuses: string[]; note: string; updatedAt: Date };

function toView(row: SettingsRow | null, canEdit: boolean): OrganizationSettingsView {
  return { ...toBoardSettings(row), updatedAt: row?.updatedAt.toISOString() ?? null, canEdit };
}

/**
 * The settings of the session's organization (the defaults while never saved), and whether the
 * signed-in agent may change them. The row and LiveChat's list of agents are read in parallel.
 */
export async function getSettings(
  livechat: LiveChatSession,
): Promise<{ kind: "ok"; settings: OrganizationSettingsView } | Problem | Reauthenticate> {
  const organizationId = organizationOf(livechat);
  return settle(async () => {
    const [row, canEdit] = await Promise.all([
      organizationId && prisma.organizationSettings.findUnique({ where: { organizationId } }),
      organizationId !== null && mayEdit(livechat),
    ]);
    return { kind: "ok" as const, settings: toView(row || null, canEdit) };
  });
}

/**
 * Saves the session organization's settings, if LiveChat says the signed-in account is its owner,
 * a vice owner or an administrator. Invalid input is refused field by field before anything is
 * asked or written.
 */
export async function saveSettings(
  livechat: LiveChatSession,
  input: unknown,
): Promise<SaveSettingsResult> {
  const parsed = parseSettingsInput(input);
  if (!parsed.ok) return { kind: "invalid", fieldErrors: parsed.fieldErrors };
  const organizationId = organizationOf(livechat);
  if (!organizationId) return { kind: "forbidden" };
  return settle(async () => {
    if (!(await mayEdit(livechat))) return { kind: "forbidden" as const };
    const data = { ...parsed.value, updatedByAccountId: livechat.accountId };
    // One INSERT ... ON CONFLICT DO UPDATE of every column: concurrent saves queue on the row and
    // the later one wins whole.
    const row = await prisma.organizationSettings.upsert({
      where: { organizationId },
      create: { organizationId, ...data },
      update: data,
    });
    return { kind: "saved" as const, settings: toView(row, true) };
  });
}
