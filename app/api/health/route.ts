import { getHealth } from "@/lib/data/health";

/**
 * For load balancers and uptime checks: 200 when the configuration is valid and the database
 * answers, 503 otherwise. The body names which part failed and nothing more (details go to the log).
 */
export async function GET() {
  const health = await getHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
