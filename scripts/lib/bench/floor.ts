import { existsSync, readFileSync } from "node:fs";
import { emulator } from "../emulator-control";
import type { Target } from "./measure";

// The floor the dashboard is measured against: app/bench/floor/page.bench.tsx, a route that only
// bench builds contain (BENCH_BUILD, next.config.ts), given the dashboard's token in a header.

const FLOOR_ROUTE = "/bench/floor";
const MANIFEST = ".next/server/app-paths-manifest.json";
// Read by app/bench/floor/page.bench.tsx.
const TOKEN_HEADER = "x-bench-access-token";

/** Whether the build in .next/ has the floor route (its app-paths manifest lists its page). */
function buildHasFloor(): boolean {
  if (!existsSync(MANIFEST)) throw new Error(`no ${MANIFEST}: build first`);
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Record<string, string>;
  return Object.hasOwn(manifest, `${FLOOR_ROUTE}/page`);
}

/** Throws unless the last build is a bench build (`bench`) or one without the floor. */
export function assertFloorRoute(kind: "production" | "bench"): void {
  if (buildHasFloor() !== (kind === "bench"))
    throw new Error(`the ${kind} build ${kind === "bench" ? "lacks" : "contains"} ${FLOOR_ROUTE}`);
}

/** The access token the app holds for `email` now: the emulator's newest live one. */
async function currentAccessToken(email: string): Promise<string> {
  const { account_id } = await emulator.account(email);
  const [newest] = (await emulator.tokens(account_id))
    .filter((token) => !token.revoked && Date.parse(token.expires_at) > Date.now())
    .sort((a, b) => Date.parse(b.expires_at) - Date.parse(a.expires_at));
  if (!newest) throw new Error(`no live access token for ${email}`);
  return newest.access_token;
}

/** The floor as `email` would see it, with the token the app holds for them. */
export async function floorTarget(appUrl: string, email: string): Promise<Target> {
  return {
    name: `floor (${email})`,
    url: `${appUrl}${FLOOR_ROUTE}`,
    headers: { [TOKEN_HEADER]: await currentAccessToken(email) },
  };
}
