import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { listAgents, listRoutingStatuses } from "@/lib/livechat";

// The floor of `npm run bench` (scripts/bench.ts), in bench builds only (next.config.ts): the
// dashboard's two LiveChat calls with the caller's token and a minimal page; no session, no
// database. The benchmark sends the token the dashboard uses in BENCH_TOKEN_HEADER.

const BENCH_TOKEN_HEADER = "x-bench-access-token";

export default async function FloorPage() {
  const accessToken = (await headers()).get(BENCH_TOKEN_HEADER);
  // Bench builds against the emulator only: never a relay of tokens to real LiveChat.
  if (!accessToken || !env().emulator) notFound();
  const ctx = { apiUrl: env().livechat.apiUrl, accessToken };
  // The same fields as the dashboard's list_agents (lib/data/agent-board.ts).
  const [agents, statuses] = await Promise.all([
    listAgents(ctx, { fields: ["jobTitle"] }),
    listRoutingStatuses(ctx),
  ]);
  return (
    <main>
      <p>
        {agents.length} agents, {statuses.length} routing statuses
      </p>
    </main>
  );
}
