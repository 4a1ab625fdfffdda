import "server-only";
import { prisma } from "@/lib/db";

/**
 * Clears an organization's uninstalled mark, as a query that can join a `$transaction`. A sign-in
 * that reinstates it names its user as the one who installed it.
 */
export function reinstateOrganization(organizationId: string, installedById?: string) {
  return prisma.organization.updateMany({
    where: { id: organizationId, uninstalledAt: { not: null } },
    data: { uninstalledAt: null, installedAt: new Date(), ...(installedById && { installedById }) },
  });
}

/** The queries that record a sign-in's organization: the first sign-in installs it, a later one after an uninstall reinstates it. */
export function recordSignInOrganization(organizationId: string, region: string, userId: string) {
  return [
    reinstateOrganization(organizationId, userId),
    prisma.organization.upsert({
      where: { id: organizationId },
      create: { id: organizationId, region, installedById: userId },
      update: { region },
    }),
  ] as const;
}
