import { emulator } from "../emulator-control";
import { saturate, type Target } from "./measure";

// Requests per second of the signed-in dashboard against its floor (app/bench/floor), with the
// same connections for the same time, in slices alternated floor, dashboard, dashboard, floor so
// that drift (a warming JIT, a busy neighbour) falls on both alike.

const CONNECTIONS = 8;
const SLICE_MS = 2_000;
const ROUNDS = 3;
const ORDER = ["floor", "dashboard", "dashboard", "floor"] as const;
const LIVECHAT_ACTIONS = [
  "POST /v3.6/configuration/action/list_agents",
  "POST /v3.6/agent/action/list_routing_statuses",
];

type Side = (typeof ORDER)[number];

export const THROUGHPUT_SETUP = `${CONNECTIONS} connections, ${ROUNDS} x (floor, dashboard, dashboard, floor) slices of ${SLICE_MS / 1000} s`;

/** One slice; also counts the LiveChat calls it caused, and fails if a token was refreshed. */
async function slice(target: Target, durationMs: number) {
  await emulator.clearRequests();
  const run = await saturate(target, CONNECTIONS, durationMs);
  const { counts } = await emulator.requests();
  if (counts["POST /v2/token"]) throw new Error(`${target.name}: the token was refreshed`);
  const calls = LIVECHAT_ACTIONS.reduce((sum, action) => sum + (counts[action] ?? 0), 0);
  return { ...run, calls };
}

/** Requests per second of each side, and LiveChat calls per request (both should make 2). */
export async function measureThroughput(targets: Record<Side, Target>) {
  await slice(targets.floor, 1_000);
  await slice(targets.dashboard, 1_000);
  const totals = {
    floor: { requests: 0, seconds: 0, calls: 0 },
    dashboard: { requests: 0, seconds: 0, calls: 0 },
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const side of ORDER) {
      const run = await slice(targets[side], SLICE_MS);
      totals[side].requests += run.requests;
      totals[side].seconds += run.seconds;
      totals[side].calls += run.calls;
    }
  }
  const { floor, dashboard } = totals;
  return {
    floor: floor.requests / floor.seconds,
    dashboard: dashboard.requests / dashboard.seconds,
    callsPerRequest: {
      floor: floor.calls / floor.requests,
      dashboard: dashboard.calls / dashboard.requests,
    },
  };
}

/**
 * The bench build's steps from an empty page to the dashboard (app/bench/*); each adds to the
 * step at `after` (an index), which is what the breakdown subtracts.
 */
export const BREAKDOWN_STEPS = [
  { path: "/bench/empty", label: "empty dynamic page: Next alone", after: null },
  { path: "/bench/floor", label: "floor: + the 2 LiveChat calls", after: 0 },
  { path: "/bench/session", label: "empty + the session check (next-auth, 1 statement)", after: 0 },
  { path: "/bench/signed-in", label: "+ account and token, 2 LiveChat calls, rows", after: 2 },
  { path: "/dashboard", label: "dashboard: + rendering", after: 3 },
] as const;

/**
 * Where the dashboard's time goes: requests per second of each step of BREAKDOWN_STEPS with the
 * same connections, as CPU time per request (1 / throughput), 2 rounds of slices in turn.
 */
export async function measureBreakdown(targets: Target[]) {
  const totals = targets.map(() => ({ requests: 0, seconds: 0 }));
  for (const target of targets) await saturate(target, CONNECTIONS, 1_000);
  for (let round = 0; round < 2; round++) {
    for (const [index, target] of targets.entries()) {
      const run = await saturate(target, CONNECTIONS, SLICE_MS);
      totals[index]!.requests += run.requests;
      totals[index]!.seconds += run.seconds;
    }
  }
  return totals.map((total) => (1000 * total.seconds) / total.requests);
}
