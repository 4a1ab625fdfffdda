import { performance } from "node:perf_hooks";
import { setStoredExpiry, storedAccountOf } from "../app-database";
import { emulator } from "../emulator-control";
import { stack } from "../stack-env";
import { percentile } from "./measure";

// The token lifecycle's figure: 50 concurrent dashboard loads, split over 2 app processes sharing
// one database, right after the access token expired; how many refreshes reached LiveChat (the
// emulator's request log, target 1), and the loads' latency.

export const REFRESH_LOADS = 50;
const ROUNDS = 5;

export interface RefreshRound {
  refreshes: number;
  p50: number;
  p95: number;
  max: number;
}

async function round(cookie: string, accountRowId: string, accountId: string) {
  await emulator.expire({ account_id: accountId });
  await setStoredExpiry(stack.databaseUrl, accountRowId, new Date(Date.now() - 60_000));
  await emulator.clearRequests();
  const timings = await Promise.all(
    Array.from({ length: REFRESH_LOADS }, async (_, i) => {
      const started = performance.now();
      const response = await fetch(`${i % 2 ? stack.appTwinUrl : stack.appUrl}/dashboard`, {
        headers: { cookie },
        redirect: "manual",
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`dashboard answered ${response.status}`);
      return performance.now() - started;
    }),
  );
  const refreshes = (await emulator.requests()).counts["POST /v2/token"] ?? 0;
  return {
    refreshes,
    p50: percentile(timings, 50),
    p95: percentile(timings, 95),
    max: Math.max(...timings),
  };
}

/** ROUNDS rounds for the signed-in `email` whose session cookie is `cookie`. */
export async function measureRefresh(email: string, cookie: string): Promise<RefreshRound[]> {
  const stored = await storedAccountOf(stack.databaseUrl, email);
  const { account_id } = await emulator.account(email);
  const rounds: RefreshRound[] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await round(cookie, stored.id, account_id));
  return rounds;
}
