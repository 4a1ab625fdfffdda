import "server-only";
import { prisma } from "@/lib/db";
import { clearTokens } from "@/lib/auth/token-store";

/**
 * An uninstall (a hint from an unsigned webhook) marks the organization uninstalled, forgets its
 * tokens and ends its users' sessions. At worst a forged one signs people out; a later sign-in
 * reinstates the organization. Replays change nothing more.
 */
export async function markUninstalled(organizationId: string): Promise<void> {
  const organization = await prisma.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
  if (!organization) return;
  await prisma.$transaction([
    prisma.organization.updateMany({ where: { id: organizationId, uninstalledAt: null }, data: { uninstalledAt: new Date() } }),
    prisma.session.deleteMany({ where: { user: { accounts: { some: { organizationId } } } } }),
    clearTokens({ organizationId }),
  ]);
}

/** An install event only records that a known organization is back; access still needs a sign-in. */
export async function markInstalled(organizationId: string): Promise<void> {
  await prisma.organization.updateMany({
    where: { id: organizationId, uninstalledAt: { not: null } },
    data: { uninstalledAt: null, installedAt: new Date() },
  });
}
