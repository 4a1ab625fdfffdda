const REGIONS: Record<string, string> = { dal: "US (dal)", fra: "EU (fra)" };

export function OrganizationCard({ organization }: { organization: { id: string; region: string } }) {
  return (
    <section aria-label="Organization" className="rounded-lg border border-neutral-200 bg-white p-4 text-sm">
      <p className="text-neutral-500">Organization</p>
      <p className="mt-1 font-mono text-neutral-900" data-organization-id={organization.id}>{organization.id}</p>
      <p className="mt-1 text-neutral-600">Data region: {REGIONS[organization.region] ?? organization.region}</p>
    </section>
  );
}
