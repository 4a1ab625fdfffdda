/**
 * Zero-configuration defaults: the bundled LiveChat emulator and the embedded PostgreSQL (PGlite)
 * that `npm run dev` starts. The app reaches both only over the network, like the real services.
 */
export const EMULATOR_URL = "http://127.0.0.1:4010";
/** The emulator's seeded public (Marketplace) server-side client. */
export const EMULATOR_CLIENT = { id: "marketplace-app", secret: "marketplace-app-secret" } as const;
export const EMBEDDED_DATABASE_PORT = 54329;
export const EMBEDDED_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_DATABASE_PORT}/postgres`;
