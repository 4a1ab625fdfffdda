import "server-only";
import { prisma } from "@/lib/db";
import { reinstateOrganization } from "@/lib/auth/organizations";
import { clearTokens } from "@/lib/auth/tokens";
import {
  type InstallationEvent,
  WEBHOOK_MAX_AGE_MS,
  WEBHOOK_MAX_SKEW_MS,
  webhookDigest,
} from "@/lib/livechat";

// A digest is kept while its event could still pass webhookFreshness, plus the skew, so that an
// app process whose clock runs ahead does not prune one another process still needs.
const DIGEST_KEPT_MS = WEBHOOK_MAX_AGE_MS + WEBHOOK_MAX_SKEW_MS;

/**
 * An uninstall (a hint from an unsigned webhook) marks the organization uninstalled, forgets its
 * tokens and ends its users' sessions. Unknown organizations change nothing.
 */
function uninstall(organizationId: string) {
  return [
    prisma.organization.updateMany({
      where: { id: organizationId, uninstalledAt: null },
      data: { uninstalledAt: new Date() },
    }),
    prisma.session.deleteMany({ where: { user: { accounts: { some: { organizationId } } } } }),
    clearTokens({ organizationId }),
  ];
}

/**
 * Acts on a fresh install or uninstall once, whichever app process gets it: its digest is stored
 * in the same transaction as the change, so a second delivery (a replay, or LiveChat's retry of
 * one we answered too slowly) finds it and changes nothing, and a failure leaves neither. An
 * install only records that a known organization is back; access still needs a sign-in. An
 * organization the app never saw changes nothing and stores nothing.
 */
export async function recordInstallation(
  event: InstallationEvent & { date: Date },
  now = new Date(),
): Promise<"recorded" | "duplicate"> {
  const { organizationId } = event;
  // The app never saw it: nothing to change, now or on a replay, so nothing is stored either.
  if (!(await prisma.organization.count({ where: { id: organizationId } }))) return "recorded";
  try {
    await prisma.$transaction([
      prisma.processedWebhook.create({
        data: { digest: webhookDigest(event), eventAt: event.date },
      }),
      prisma.processedWebhook.deleteMany({
        where: { eventAt: { lt: new Date(now.getTime() - DIGEST_KEPT_MS) } },
      }),
      ...(event.kind === "uninstalled"
        ? uninstall(organizationId)
        : [reinstateOrganization(organizationId)]),
    ]);
    return "recorded";
  } catch (error) {
    // The digest is the primary key: another delivery of this event got there first.
    if ((error as { code?: unknown }).code === "P2002") return "duplicate";
    throw error;
  }
}
