import type { OrganizationSummary } from "@/lib/data/types";

const REGIONS: Record<string, string> = { dal: "US (dal)", fra: "EU (fra)" };

interface OrganizationCardProps {
  organization: OrganizationSummary;
  /** Who installed the app and when: shown to the organization's admins only. */
  showInstallation: boolean;
}

export function OrganizationCard({ organization, showInstallation }: OrganizationCardProps) {
  return (
    <section
      aria-label="Organization"
      className="rounded-lg border border-neutral-200 bg-white p-4 text-sm"
    >
      <p className="text-neutral-500">Organization</p>
      <p className="mt-1 font-mono text-neutral-900" data-organization-id={organization.id}>
        {organization.id}
      </p>
      <p className="mt-1 text-neutral-600">
        Data region: {REGIONS[organization.region] ?? organization.region}
      </p>
      {showInstallation && (
        <p className="mt-1 text-neutral-600" data-installation>
          Installed by {organization.installedBy ?? "an unknown user"} on{" "}
          <time dateTime={organization.installedAt.toISOString()}>
            {organization.installedAt.toLocaleDateString("en-GB", {
              day: "numeric",
              month: "long",
              year: "numeric",
              timeZone: "UTC",
            })}
          </time>
        </p>
      )}
    </section>
  );
}
