/**
 * Validates the environment when the server starts: a missing, malformed or unsafe variable stops
 * the process with one line naming it (exit status 1), instead of a server that answers every
 * request with a 500.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env, exitOnEnvError } = await import("@/lib/env");
    exitOnEnvError(env);
  }
}
