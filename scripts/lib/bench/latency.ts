import { emulator } from "../emulator-control";
import { loadOk, median, type Target } from "./measure";

// Single-load times: sequential loads, the targets taken in turn, each to its last byte (the
// whole server time, streaming included); and the same with L ms added to each of LiveChat's Web
// API calls (an emulator fault; /v2/token is left alone).

export const ADDED_LATENCY_MS = 300;
const WEB_API = [
  "/v3.6/configuration/action/list_agents",
  "/v3.6/agent/action/list_routing_statuses",
];

/** The median time of `loads` loads of each target, after one warm-up load each. */
export async function medianLoadTimes(targets: Target[], loads: number): Promise<number[]> {
  const times = targets.map(() => [] as number[]);
  for (const target of targets) await loadOk(target);
  for (let i = 0; i < loads; i++) {
    for (const [index, target] of targets.entries()) {
      times[index]!.push((await loadOk(target)).totalMs);
    }
  }
  return times.map(median);
}

/** Runs `measure` while every Web API call LiveChat answers takes ADDED_LATENCY_MS longer. */
export async function withAddedLatency<T>(measure: () => Promise<T>): Promise<T> {
  for (const endpoint of WEB_API) {
    await emulator.fault({ endpoint, method: "POST", delay_ms: ADDED_LATENCY_MS });
  }
  try {
    return await measure();
  } finally {
    await emulator.clearFaults();
  }
}
