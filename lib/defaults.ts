// Zero-configuration defaults: the bundled LiveChat emulator and the embedded PostgreSQL (PGlite)
// that `npm run dev` starts. The app reaches both only over the network, like the real services.

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
