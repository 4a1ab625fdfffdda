import type { NextConfig } from "next";
import { exitOnEnvError, parseEnv } from "./lib/env";

// On Vercel the build has the deployment's variables: a configuration the server would refuse at
// start (lib/env.ts) fails the build with the same line instead of being deployed.
if (process.env.VERCEL) exitOnEnvError(() => parseEnv(process.env));

// BENCH_BUILD=1 (set by `npm run bench`, scripts/lib/stack.ts) adds the benchmark-only routes,
// files named `*.bench.tsx` under app/bench/: other builds have no such route, not even a 404 page.
const benchBuild = process.env.BENCH_BUILD === "1";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  pageExtensions: benchBuild ? ["bench.tsx", "bench.ts", "tsx", "ts"] : ["tsx", "ts"],
  // pg and the generated Prisma client are server-only; keep them out of the bundler.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
};

export default nextConfig;
