import "server-only";
import { prisma } from "@/lib/db";
import { LIVECHAT_PROVIDER_ID } from "@/lib/auth/livechat-provider";
import type { OrganizationSummary } from "./types";

/** The organization of the user's LiveChat account, with who installed the app. */
export async function getOrganization(userId: string): Promise<OrganizationSummary | null> {
  const account = await prisma.account.findFirst({
    where: { userId, provider: LIVECHAT_PROVIDER_ID },
    select: {
      organization: { select: { id: true, region: true, installedAt: true, installedById: true } },
    },
  });
  const organization = account?.organization;
  if (!organization) return null;
  const installer = organization.installedById
    ? await prisma.user.findUnique({
        where: { id: organization.installedById },
        select: { name: true, email: true },
      })
    : null;
  return {
    id: organization.id,
    region: organization.region,
    installedAt: organization.installedAt,
    installedBy: installer?.name ?? installer?.email ?? null,
  };
}
