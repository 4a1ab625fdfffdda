import { createHash } from "node:crypto";
import { z } from "zod";

// LiveChat's app webhooks (Developer Console > App webhooks): installation and payment events,
// POSTed as JSON. They are not signed: treat them as hints, never as proof. An install or
// uninstall is acted on once, and only while its own `date` is recent: a captured body cannot be
// replayed later, nor twice.
// https://platform.text.com/docs/extending-agent-app/app-webhooks

/**
 * How old an event may be, by its `date`, and still be acted on. LiveChat retries a delivery that
 * got no 200 up to 3 times within about a minute (10 s timeout each); 5 minutes covers that with
 * room for a slow queue, and is as long as a captured body stays any use to a replayer.
 */
export const WEBHOOK_MAX_AGE_MS = 5 * 60_000;
/** How far ahead of our clock an event's `date` may be: LiveChat's clock and ours differ a little. */
export const WEBHOOK_MAX_SKEW_MS = 60_000;

// RFC 3339 with an offset, as LiveChat writes it ("2020-09-14T15:29:53+02:00"); `Z` too.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

const appWebhookWireSchema = z.looseObject({
  applicationID: z.string().min(1),
  applicationName: z.string().optional(),
  clientID: z.string().min(1),
  date: z.string().optional(),
  event: z.string().min(1),
  licenseID: z.number().optional(),
  organizationID: z.string().min(1),
  payload: z.unknown().optional(),
  userID: z.string().optional(),
});

/** An install or uninstall; `date` is null when the body had none we could read. */
export type InstallationEvent = {
  kind: "installed" | "uninstalled";
  event: string;
  clientId: string;
  organizationId: string;
  applicationId: string;
  userId: string | null;
  date: Date | null;
};

export type AppWebhookEvent =
  InstallationEvent | { kind: "ignored"; clientId: string; organizationId: string; event: string };

function parseDate(text: string | undefined): Date | null {
  if (!text || !RFC3339.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Parses an app webhook body; null when it is not one. */
export function parseAppWebhook(body: unknown): AppWebhookEvent | null {
  const parsed = appWebhookWireSchema.safeParse(body);
  if (!parsed.success) return null;
  const { clientID: clientId, organizationID: organizationId, event } = parsed.data;
  const kind =
    event === "application_installed"
      ? "installed"
      : event === "application_uninstalled"
        ? "uninstalled"
        : null;
  if (!kind) return { kind: "ignored", clientId, organizationId, event };
  return {
    kind,
    event,
    clientId,
    organizationId,
    applicationId: parsed.data.applicationID,
    userId: parsed.data.userID ?? null,
    date: parseDate(parsed.data.date),
  };
}

export type WebhookFreshness = "fresh" | "too_old" | "in_future";

/** Whether an event dated `date` may be acted on at `now` (WEBHOOK_MAX_AGE_MS, WEBHOOK_MAX_SKEW_MS). */
export function webhookFreshness(date: Date, now: Date): WebhookFreshness {
  const age = now.getTime() - date.getTime();
  if (age > WEBHOOK_MAX_AGE_MS) return "too_old";
  if (age < -WEBHOOK_MAX_SKEW_MS) return "in_future";
  return "fresh";
}

/**
 * What identifies one delivery of an event, as sha256 hex: the same event gives the same digest
 * however its body is laid out, and its date however it is written (the instant counts).
 */
export function webhookDigest(event: InstallationEvent & { date: Date }): string {
  const { kind, organizationId, applicationId, date, userId } = event;
  const fields = [kind, organizationId, applicationId, date.toISOString(), userId ?? ""];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}
