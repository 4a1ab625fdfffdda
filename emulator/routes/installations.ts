import { z } from "zod";
import type { Context, Routes } from "../context";
import { accounts, organizations } from "../fixtures";
import { describeIssues } from "../errors";
import { readJsonBody, redirect, sendJson } from "../http";

// Marketplace imitations: install/uninstall app webhooks and the direct installation redirect.

const WEBHOOK_TIMEOUT_MS = 5000;

/** A date as LiveChat's app webhooks write it: seconds and a numeric offset (UTC here). */
const livechatDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "+00:00");

const installationSchema = z.object({
  client_id: z.string().min(1),
  organization_id: z.string().min(1),
  event: z.enum(["application_installed", "application_uninstalled"]),
  webhook_url: z.url().optional(),
});

async function postInstallation(ctx: Context): Promise<void> {
  const parsed = installationSchema.safeParse(await readJsonBody(ctx.req));
  if (!parsed.success) return sendJson(ctx.res, 400, { error: describeIssues(parsed.error) });
  const { client_id, organization_id, event, webhook_url } = parsed.data;
  const client = ctx.config.clients.find((c) => c.client_id === client_id);
  const organization = organizations.find((o) => o.organization_id === organization_id);
  if (!client || !organization)
    return sendJson(ctx.res, 400, { error: "Unknown client_id or organization_id" });
  const url = webhook_url ?? ctx.config.webhookUrl;
  if (!url)
    return sendJson(ctx.res, 400, {
      error: "No webhook_url given and no default webhook URL configured",
    });

  const installer = accounts.find(
    (a) => a.organization_id === organization_id && a.role === "owner",
  );
  const payload = {
    applicationID: client.application_id,
    applicationName: client.name,
    clientID: client.client_id,
    date: livechatDate(new Date()),
    event,
    licenseID: organization.license_id,
    organizationID: organization.organization_id,
    payload: { applicationID: client.application_id },
    userID: installer?.account_id ?? "",
  };
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload),
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

/** LiveChat starts the code flow itself on install: the app gets a code it never asked for, with no state. */
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
  "GET /_emulator/marketplace/install": marketplaceInstall,
};
