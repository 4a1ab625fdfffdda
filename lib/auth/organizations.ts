import "server-only";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Whether this app serves an organization: a public app any, a private app only its own
 * (LIVECHAT_ORGANIZATION_ID). Checked at sign-in and again on every use of a stored token.
 */
export function servesOrganization(organizationId: string | null): boolean {
  const { app } = env().livechat;
  return app.type === "public" || organizationId === app.organizationId;
}

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
