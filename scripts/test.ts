import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { chromiumPath, INSTALL_HINT } from "./lib/chromium";
import { runToCompletion, stopAll, stopAllOnSignals } from "./lib/processes";
import { buildApp, startStack } from "./lib/stack";

// `npm test [-- unit emulator integration e2e] [--no-build]`: runs the suites (all by default)
// and starts what they need (scripts/lib/stack.ts). Ends with one summary line.

const SUITES = ["unit", "emulator", "integration", "e2e"] as const;
const requested = process.argv
  .slice(2)
  .filter((arg) => (SUITES as readonly string[]).includes(arg));
const suites = new Set(requested.length ? requested : SUITES);
// `--no-build`: serve the last `next build` of this tree (CI's second pass, on PGlite, reuses the
// first pass's build instead of making the same one again).
const reuseBuild = process.argv.includes("--no-build");
const totals = { passed: 0, failed: 0, skipped: 0 };
mkdirSync(".tmp", { recursive: true });
stopAllOnSignals(1);

function vitest(projects: string[], env: Record<string, string> = {}) {
  const report = `.tmp/vitest-${projects.join("-")}.json`;
  rmSync(report, { force: true });
  const projectArgs = projects.flatMap((project) => ["--project", project]);
  runToCompletion(
    [
      "npx",
      "vitest",
      "run",
      ...projectArgs,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    env,
  );
  if (!existsSync(report)) return count(0, 1, 0);
  const json = JSON.parse(readFileSync(report, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    success: boolean;
  };
  count(
    json.numPassedTests,
    json.numFailedTests + (json.success || json.numFailedTests ? 0 : 1),
    json.numPendingTests,
  );
}

let e2eNotRun = false;

function playwright(env: Record<string, string>) {
  const report = ".tmp/playwright.json";
  rmSync(report, { force: true });
  runToCompletion(["npx", "playwright", "test"], { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: report });
  if (!existsSync(report)) return count(0, 1, 0);
  const { stats } = JSON.parse(readFileSync(report, "utf8")) as { stats: Record<string, number> };
  count((stats.expected ?? 0) + (stats.flaky ?? 0), stats.unexpected ?? 0, stats.skipped ?? 0);
}

function count(passed: number, failed: number, skipped: number) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
}

async function main() {
  const started = Date.now();
  const offline = ["unit", "emulator"].filter((suite) =>
    suites.has(suite as (typeof SUITES)[number]),
  );
  if (offline.length) vitest(offline);
  if (suites.has("e2e") && !chromiumPath()) {
    // Not run is not passed: the last line says so, and the exit status is not 0. Checked first,
    // so that `npm test -- e2e` without a browser builds and starts nothing.
    console.error(`e2e: not run: ${INSTALL_HINT}`);
    e2eNotRun = true;
    suites.delete("e2e");
  }
  if (suites.has("integration") || suites.has("e2e")) {
    if (!reuseBuild) buildApp();
    else if (!existsSync(".next/BUILD_ID"))
      throw new Error("--no-build: there is no build in .next");
    const stack = await startStack();
    if (suites.has("integration")) vitest(["integration"], stack);
    if (suites.has("e2e")) playwright(stack);
  }
  console.log(
    `\nTests finished in ${Math.round((Date.now() - started) / 1000)} s. Service logs: .tmp/logs/`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    totals.failed += 1;
  })
  .finally(async () => {
    await stopAll();
    const notRun = e2eNotRun ? ", e2e not run (no Chromium)" : "";
    console.log(
      `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped${notRun}`,
    );
    process.exit(totals.failed || e2eNotRun ? 1 : 0);
  });
