import { z } from "zod";

// LiveChat's app webhooks (Developer Console > App webhooks): installation and payment events,
// POSTed as JSON. They are not signed: treat them as hints, never as proof.
// https://platform.text.com/docs/extending-agent-app/app-webhooks

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

export type AppWebhookEvent =
  | { kind: "installed" | "uninstalled"; clientId: string; organizationId: string }
  | { kind: "ignored"; clientId: string; organizationId: string; event: string };

/** Parses an app webhook body; null when it is not one. */
export function parseAppWebhook(body: unknown): AppWebhookEvent | null {
  const parsed = appWebhookWireSchema.safeParse(body);
  if (!parsed.success) return null;
  const { clientID: clientId, organizationID: organizationId, event } = parsed.data;
  if (event === "application_installed") return { kind: "installed", clientId, organizationId };
  if (event === "application_uninstalled") return { kind: "uninstalled", clientId, organizationId };
  return { kind: "ignored", clientId, organizationId, event };
}
