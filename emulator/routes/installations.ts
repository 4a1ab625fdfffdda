import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Context, Routes } from "../context";
import { accounts, organizations } from "../fixtures";
import { readJson } from "../errors";
import { redirect, sendJson } from "../http";
import type { Client, Organization } from "../types";

// Marketplace imitations: install/uninstall and payment app webhooks, and the direct installation
// redirect.

const WEBHOOK_TIMEOUT_MS = 5000;

const installationSchema = z.object({
  client_id: z.string().min(1),
  organization_id: z.string().min(1),
  event: z.enum(["application_installed", "application_uninstalled"]),
  webhook_url: z.url().optional(),
});

/** Where an app webhook goes and about whom: what install and payment events share. */
type WebhookTarget = {
  client: Client;
  organization: Organization;
  url: string;
};

/** The client, organization and URL a control request names; null (after answering 400) if any is unknown. */
function webhookTarget(
  ctx: Context,
  request: { client_id: string; organization_id: string; webhook_url?: string },
): WebhookTarget | null {
  const client = ctx.config.clients.find((c) => c.client_id === request.client_id);
  const organization = organizations.find((o) => o.organization_id === request.organization_id);
  if (!client || !organization) {
    sendJson(ctx.res, 400, { error: "Unknown client_id or organization_id" });
    return null;
  }
  const url = request.webhook_url ?? ctx.config.webhookUrl;
  if (!url) {
    sendJson(ctx.res, 400, { error: "No webhook_url given and no default webhook URL configured" });
    return null;
  }
  return { client, organization, url };
}

/** POSTs one app webhook and answers the control request with how the app took it. */
async function deliver(
  ctx: Context,
  { client, organization, url }: WebhookTarget,
  event: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const installer = accounts.find(
    (a) => a.organization_id === organization.organization_id && a.role === "owner",
  );
  const body = {
    applicationID: client.application_id,
    applicationName: client.name,
    clientID: client.client_id,
    date: webhookDate(new Date()),
    event,
    licenseID: organization.license_id,
    organizationID: organization.organization_id,
    payload,
    userID: installer?.account_id ?? "",
  };
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.any([AbortSignal.timeout(WEBHOOK_TIMEOUT_MS), ctx.signal]),
    });
    await response.body?.cancel();
    sendJson(ctx.res, 200, { delivered: true, status: response.status });
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    sendJson(ctx.res, 200, {
      delivered: false,
      error: `${error instanceof Error ? error.message : String(error)}${cause}`,
    });
  }
}

async function postInstallation(ctx: Context): Promise<void> {
  const installation = await readJson(ctx, installationSchema);
  if (!installation) return;
  const target = webhookTarget(ctx, installation);
  if (!target) return;
  await deliver(ctx, target, installation.event, {
    applicationID: target.client.application_id,
  });
}

// The payment events and their payloads, as app-webhooks/index.mdx L66-165 shows them.
const paymentSchema = z.object({
  client_id: z.string().min(1),
  organization_id: z.string().min(1),
  event: z.enum([
    "payment_trialstarted",
    "payment_activated",
    "payment_collected",
    "payment_cancelled",
  ]),
  payment_id: z.uuid().optional(),
  quantity: z.number().int().positive().default(1),
  total: z.number().nonnegative().default(400),
  webhook_url: z.url().optional(),
});

/**
 * The documented date format: seconds and a numeric offset, `2020-09-14T15:29:53+02:00`
 * (app-webhooks/index.mdx L29), here at +02:00 like the samples.
 */
function webhookDate(now: Date): string {
  const shifted = new Date(now.getTime() + 2 * 60 * 60 * 1000);
  return `${shifted.toISOString().slice(0, 19)}+02:00`;
}

/** LiveChat's billing sends a paid app's payment events; the app only has to acknowledge them. */
async function postPayment(ctx: Context): Promise<void> {
  const payment = await readJson(ctx, paymentSchema);
  if (!payment) return;
  const { event, quantity, total } = payment;
  const target = webhookTarget(ctx, payment);
  if (!target) return;
  const paymentID = payment.payment_id ?? randomUUID();
  const extra =
    event === "payment_activated" ? { quantity } : event === "payment_collected" ? { total } : {};
  await deliver(ctx, target, event, { paymentID, ...extra });
}

/** LiveChat starts the code flow itself on install: the app gets a code it never asked for, with an empty state. */
function marketplaceInstall(ctx: Context): void {
  const params = ctx.url.searchParams;
  const query = new URLSearchParams({
    response_type: "code",
    client_id: params.get("client_id") ?? "",
    redirect_uri: params.get("redirect_uri") ?? "",
  });
  redirect(ctx.res, 302, `/?${query.toString()}`);
}

export const installationRoutes: Routes = {
  "POST /_emulator/installations": postInstallation,
  "POST /_emulator/payments": postPayment,
  "GET /_emulator/marketplace/install": marketplaceInstall,
};
