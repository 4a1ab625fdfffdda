import type { OrganizationSummary } from "@/lib/data/types";
import { Text } from "./ds";

const REGIONS: Record<string, string> = { dal: "US (dal)", fra: "EU (fra)" };

interface OrganizationCardProps {
  organization: OrganizationSummary;
  /** Who installed the app and when: for the organization's admins only (it may arrive later). */
  installation?: React.ReactNode;
}

export function OrganizationCard({ organization, installation }: OrganizationCardProps) {
  return (
    <section aria-label="Organization" className="panel">
      <Text size="sm" className="muted" noMargin>
        Organization
      </Text>
      <Text as="p" className="mono" data-organization-id={organization.id}>
        {organization.id}
      </Text>
      <Text as="p" size="sm" noMargin>
        Data region: {REGIONS[organization.region] ?? organization.region}
      </Text>
      {installation}
    </section>
  );
}

/** The "Installed by ... on ..." line of the organization card. */
export function InstallationLine({ organization }: { organization: OrganizationSummary }) {
  return (
    <Text as="p" size="sm" noMargin data-installation>
      Installed by {organization.installedBy ?? "an unknown user"} on{" "}
      <time dateTime={organization.installedAt.toISOString()}>
        {organization.installedAt.toLocaleDateString("en-GB", {
          day: "numeric",
          month: "long",
          year: "numeric",
          timeZone: "UTC",
        })}
      </time>
    </Text>
  );
}
