// `next dev` or not. NODE_ENV is Next's own (it sets it, and inlines it at build time), like
// NEXT_RUNTIME: it is not configuration, so it is read here rather than through lib/env.ts.

/** True under `next dev`: React's debugging needs eval, the dev overlay injects styles. */
export const isDevelopment = process.env.NODE_ENV === "development";
