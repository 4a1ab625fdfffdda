import { performance } from "node:perf_hooks";
import { resetDatabase, setStoredExpiry, storedAccountOf } from "./lib/app-database";
import { emulator } from "./lib/emulator-control";
import { stopAll, stopAllOnSignals } from "./lib/processes";
import { signInOverHttp } from "./lib/sign-in-over-http";
import { buildApp, startStack } from "./lib/stack";
import { stack } from "./lib/stack-env";

// `npm run bench:refresh`: the figure of the token lifecycle issue. 50 concurrent dashboard loads,
// split over 2 app processes sharing one database, right after the access token expired; prints
// how many refreshes reached LiveChat (the emulator's request log) and the loads' latency.

const ROUNDS = 5;
const REQUESTS = 50;
const EMAIL = "greta@globex.test"; // the organization of 500 agents

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function round(cookie: string, accountRowId: string, accountId: string) {
  await emulator.expire({ account_id: accountId });
  await setStoredExpiry(stack.databaseUrl, accountRowId, new Date(Date.now() - 60_000));
  await emulator.clearRequests();
  const timings = await Promise.all(
    Array.from({ length: REQUESTS }, async (_, i) => {
      const started = performance.now();
      const response = await fetch(`${i % 2 ? stack.appTwinUrl : stack.appUrl}/dashboard`, {
        headers: { cookie },
        redirect: "manual",
      });
      await response.text();
      if (response.status !== 200) throw new Error(`dashboard answered ${response.status}`);
      return performance.now() - started;
    }),
  );
  const refreshes = (await emulator.requests()).counts["POST /v2/token"] ?? 0;
  return { refreshes, sorted: timings.sort((a, b) => a - b) };
}

async function main() {
  stopAllOnSignals(1);
  buildApp();
  try {
    Object.assign(process.env, await startStack());
    await resetDatabase(stack.databaseUrl);
    await emulator.reset();
    const { browser } = await signInOverHttp(stack.appUrl, EMAIL);
    const stored = await storedAccountOf(stack.databaseUrl, EMAIL);
    const { account_id } = await emulator.account(EMAIL);
    console.log(
      `\n${REQUESTS} concurrent dashboard loads on 2 app processes, expired token, ${ROUNDS} rounds:`,
    );
    console.log("round  refreshes  p50 ms  p95 ms  max ms");
    const refreshes: number[] = [];
    for (let i = 1; i <= ROUNDS; i++) {
      const { refreshes: count, sorted } = await round(
        browser.cookieHeader(stack.appUrl),
        stored.id,
        account_id,
      );
      refreshes.push(count);
      const ms = (p: number) => percentile(sorted, p).toFixed(0).padStart(6);
      console.log(
        `${String(i).padStart(5)}  ${String(count).padStart(9)}  ${ms(50)}  ${ms(95)}  ${sorted.at(-1)!.toFixed(0).padStart(6)}`,
      );
    }
    console.log(`calls to /v2/token per expiry: ${refreshes.join(", ")} (target: 1)`);
  } finally {
    await stopAll();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
