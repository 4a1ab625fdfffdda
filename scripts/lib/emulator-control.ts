import { stack } from "./stack-env";

/** The emulator's test control surface (`/_emulator/*`). */
async function control<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const response = await fetch(`${stack.emulatorUrl}/_emulator/${path}`, {
    method: init?.method ?? (init?.body ? "POST" : "GET"),
    headers: init?.body ? { "content-type": "application/json" } : undefined,
    body: init?.body ? JSON.stringify(init.body) : undefined,
  });
  if (!response.ok)
    throw new Error(`emulator ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface EmulatorToken {
  access_token: string;
  refresh_token: string | null;
  client_id: string;
  expires_at: string;
  revoked: boolean;
}

export interface Fixtures {
  organizations: Array<{ organization_id: string; name: string; region: string }>;
  accounts: Array<{
    account_id: string;
    email: string;
    name: string;
    organization_id: string;
    role: string;
  }>;
  agents: Array<{
    id: string;
    name: string;
    organization_id: string;
    role: string;
    routing_status: string;
    job_title?: string;
  }>;
  groups: Array<{ id: number; organization_id: string; name: string; language_code: string }>;
}

export const emulator = {
  reset: () => control("reset", { method: "POST", body: {} }),
  fixtures: () => control<Fixtures>("fixtures"),
  tokens: (accountId: string) =>
    control<EmulatorToken[]>(`tokens?account_id=${encodeURIComponent(accountId)}`),
  expire: (body: { access_token: string } | { account_id: string }) =>
    control("tokens/expire", { body }),
  revoke: (body: { access_token: string } | { account_id: string }) =>
    control("tokens/revoke", { body }),
  fault: (body: Record<string, unknown>) => control("faults", { body }),
  clearFaults: () => control("faults", { method: "DELETE" }),
  /** Every call to `endpoint` answers 421 misdirected_request, naming `region` (where it is not). */
  misdirectAlways: (endpoint: string, region: string) =>
    control("faults", {
      body: {
        endpoint,
        status: 421,
        json: { error: { type: "misdirected_request", message: "Wrong region", data: { region } } },
      },
    }),
  requests: () =>
    control<{
      total: number;
      counts: Record<string, number>;
      requests: Array<{ method: string; path: string; at: string; region?: string }>;
    }>("requests"),
  clearRequests: () => control("requests", { method: "DELETE" }),
  /** LiveChat's 3 redirects in 30 s per client and account, until the next reset. */
  redirectLimit: (enabled: boolean) =>
    control("redirect-limit", { method: "PUT", body: { enabled } }),
  /** LiveChat (un)installs `client_id` for an organization and sends the app webhook. */
  installation: (body: {
    client_id: string;
    organization_id: string;
    event: "application_installed" | "application_uninstalled";
    webhook_url?: string;
  }) => control<{ delivered: boolean; status?: number; error?: string }>("installations", { body }),
  /** LiveChat's billing sends a payment app webhook (`payment_*`) about `client_id` for an organization. */
  payment: (body: {
    client_id: string;
    organization_id: string;
    event: "payment_trialstarted" | "payment_activated" | "payment_collected" | "payment_cancelled";
    payment_id?: string;
    quantity?: number;
    total?: number;
    webhook_url?: string;
  }) => control<{ delivered: boolean; status?: number; error?: string }>("payments", { body }),
  /** LiveChat serves an organization from another region: its tokens keep their prefix. */
  moveOrganization: (organizationId: string, region: string) =>
    control("organizations/move", { body: { organization_id: organizationId, region } }),
  async account(email: string) {
    const account = (await this.fixtures()).accounts.find((a) => a.email === email);
    if (!account) throw new Error(`no seeded account ${email}`);
    return account;
  },
};
