const ROLES: Record<string, string> = {
  owner: "Owner",
  viceowner: "Vice owner",
  administrator: "Administrator",
  normal: "Agent",
};

/** LiveChat's role names as its Agent App shows them; a role LiveChat adds later shows as sent. */
export function roleLabel(role: string): string {
  return ROLES[role] ?? role;
}
