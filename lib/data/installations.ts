import "server-only";
import { prisma } from "@/lib/db";
import { reinstateOrganization } from "@/lib/auth/organizations";
import { clearTokens } from "@/lib/auth/tokens";

/**
 * An uninstall (a hint from an unsigned webhook) marks the organization uninstalled, forgets its
 * tokens and ends its users' sessions, in one transaction. At worst a forged one signs people out;
 * a later sign-in reinstates the organization. Replays, and unknown organizations, change nothing.
 */
export async function markUninstalled(organizationId: string): Promise<void> {
  await prisma.$transaction([
    prisma.organization.updateMany({
      where: { id: organizationId, uninstalledAt: null },
      data: { uninstalledAt: new Date() },
    }),
    prisma.session.deleteMany({ where: { user: { accounts: { some: { organizationId } } } } }),
    clearTokens({ organizationId }),
  ]);
}

/** An install event only records that a known organization is back; access still needs a sign-in. */
export async function markInstalled(organizationId: string): Promise<void> {
  await reinstateOrganization(organizationId);
}
