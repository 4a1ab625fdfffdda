// The rules of the organization's settings, pure: what a save may contain (zod, explained field by
// field), who may save (LiveChat's role of the signed-in account), and what a stored row means.

import { z } from "zod";
import { AGENT_STATUSES } from "./agent-query";
import type { BoardSettings, SaveSettingsResult } from "./types";

/** The longest note, in characters (code points, as PostgreSQL's char_length counts them). */
export const NOTE_MAX_LENGTH = 280;

const STATUSES_MESSAGE = "Choose statuses from the list.";

/** Tab and line breaks are fine; other control characters (NUL above all) cannot be stored. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const settingsInputSchema = z.object(
  {
    defaultStatuses: z
      .array(z.enum(AGENT_STATUSES, { error: STATUSES_MESSAGE }), { error: STATUSES_MESSAGE })
      .max(AGENT_STATUSES.length, { error: STATUSES_MESSAGE })
      // Once each, in the board's order, whatever order the form sent them in.
      .transform((chosen) => AGENT_STATUSES.filter((status) => chosen.includes(status))),
    note: z
      .string({ error: "The note must be text." })
      // A form posts a textarea's line breaks as CRLF: count each as the one character it shows.
      .transform((note) => note.replaceAll("\r\n", "\n").trim())
      .superRefine((note, ctx) => {
        const length = Array.from(note).length;
        if (length > NOTE_MAX_LENGTH) {
          ctx.addIssue({
            code: "custom",
            message: `The note can be at most ${NOTE_MAX_LENGTH} characters (it has ${length}).`,
          });
        } else if (CONTROL_CHARACTER.test(note)) {
          ctx.addIssue({
            code: "custom",
            message: "The note can hold text and line breaks only, no control characters.",
          });
        }
      }),
  },
  { error: "Send the settings as a form." },
);

export type ValidSettings = z.output<typeof settingsInputSchema>;

type FieldErrors = Extract<SaveSettingsResult, { kind: "invalid" }>["fieldErrors"];

/** Checks what a client sent; the first message of each field, keyed by field ("form" for the whole). */
export function parseSettingsInput(
  input: unknown,
): { ok: true; value: ValidSettings } | { ok: false; fieldErrors: FieldErrors } {
  const parsed = settingsInputSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === "defaultStatuses" || issue.path[0] === "note";
    const key = field ? (issue.path[0] as "defaultStatuses" | "note") : "form";
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

const ADMIN_ROLES: ReadonlySet<string> = new Set(["owner", "viceowner", "administrator"]);

/** LiveChat's owner, vice owners and administrators; an unknown role (or none) is not one. */
export function isAdminRole(role: string | undefined): boolean {
  return role !== undefined && ADMIN_ROLES.has(role);
}

/**
 * Whether the signed-in account may change the organization's settings, from LiveChat's own list
 * of the organization's agents (fetched with the account's token) matched by account id.
 */
export function maySaveSettings(
  agents: ReadonlyArray<{ accountId?: string; role: string }>,
  accountId: string,
): boolean {
  return isAdminRole(agents.find((agent) => agent.accountId === accountId)?.role);
}

/** A stored row (or none) as the board applies it; a value the app does not know is dropped. */
export function toBoardSettings(
  stored: { defaultStatuses: string[]; note: string } | null,
): BoardSettings {
  return {
    defaultStatuses: AGENT_STATUSES.filter(
      (status) => stored?.defaultStatuses.includes(status) ?? false,
    ),
    note: stored?.note ?? "",
  };
}
