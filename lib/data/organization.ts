import type { AccountOrganization } from "@/lib/auth/tokens";
import { toBoardSettings } from "./settings-rules";
import type { OrganizationSummary } from "./types";

/** The organization as the dashboard shows it: the installer by name, else by email. */
export function toOrganizationSummary(organization: AccountOrganization): OrganizationSummary {
  const { installer } = organization;
  return {
    id: organization.id,
    region: organization.region,
    installedAt: organization.installedAt,
    installedBy: installer?.name ?? installer?.email ?? null,
    settings: toBoardSettings(organization.settings),
  };
}
