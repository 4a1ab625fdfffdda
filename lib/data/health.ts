import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/** How long the database may take to answer `SELECT 1` before health calls it unreachable. */
const DATABASE_TIMEOUT_MS = 2_000;

export type Health = {
  status: "ok" | "error";
  database: "ok" | "unreachable";
  /** Whether the LiveChat configuration (lib/env.ts) is valid; LiveChat itself is not called. */
  livechat: "ok" | "misconfigured";
};

function configurationIsValid(): boolean {
  try {
    env();
    return true;
  } catch (error) {
    log.error("health.misconfigured", { error });
    return false;
  }
}

async function databaseAnswers(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    // Imported here: lib/db reads the configuration as it loads, which may be what is broken.
    const { prisma } = await import("@/lib/db");
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("no answer in time")), DATABASE_TIMEOUT_MS);
    });
    await Promise.race([prisma.$queryRaw`SELECT 1`, timeout]);
    return true;
  } catch (error) {
    log.error("health.database_unreachable", { error });
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The app's own readiness: its configuration parses and its database answers. No third party is
 * asked (a LiveChat outage must not take the app out of a load balancer, nor spend rate limits).
 */
export async function getHealth(): Promise<Health> {
  const livechat = configurationIsValid() ? "ok" : "misconfigured";
  const database = (await databaseAnswers()) ? "ok" : "unreachable";
  const status = livechat === "ok" && database === "ok" ? "ok" : "error";
  return { status, database, livechat };
}
