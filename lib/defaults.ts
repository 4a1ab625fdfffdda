// Zero-configuration defaults: the bundled LiveChat emulator and the embedded PostgreSQL (PGlite)
// that `npm run dev` starts, which the app reaches only over the network, like the real services;
// and the access scopes the app asks LiveChat for.

/**
 * The scopes the app asks for unless LIVECHAT_SCOPES names others (lib/env.ts), and the ones
 * `npm run setup` tells you to tick in the Developer Console: one list for both. Each is for the
 * LiveChat calls named beside it; a call that needs another scope adds it here.
 */
export const DEFAULT_SCOPES: readonly string[] = [
  // GET /v2/accounts/me: who signed in (lib/auth/livechat-provider.ts).
  "accounts--my:ro",
  // list_agents, get_agent, list_routing_statuses (lib/livechat/agents.ts, routing-statuses.ts).
  "agents--all:ro",
  // list_groups: the group names on an agent's page (lib/livechat/groups.ts).
  "groups--all:ro",
];

/** The emulator's address in `npm run dev`: its accounts server and REST API both. */
export const EMULATOR_URL = "http://127.0.0.1:4010";
/** The emulator's seeded server-side clients: a public (Marketplace) app and a private app of Acme Support. */
export const EMULATOR_CLIENTS = {
  public: { id: "marketplace-app", secret: "marketplace-app-secret", organizationId: null },
  private: {
    id: "private-app",
    secret: "private-app-secret",
    organizationId: "6f1c2a9e-0d5b-4b7a-9c3e-1a2b3c4d5e01",
  },
} as const;
export const EMBEDDED_DATABASE_PORT = 54329;
export const EMBEDDED_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_DATABASE_PORT}/postgres`;

/** LiveChat's own servers: where a real client's sign-ins and API calls go unless configured. */
export const LIVECHAT_SERVERS = {
  accountsUrl: "https://accounts.livechat.com",
  apiUrl: "https://api.livechatinc.com",
} as const;
