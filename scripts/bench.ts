import { performance } from "node:perf_hooks";
import { resetDatabase } from "./lib/app-database";
import { assertFloorRoute, floorTarget } from "./lib/bench/floor";
import { ADDED_LATENCY_MS, medianLoadTimes, withAddedLatency } from "./lib/bench/latency";
import { kb, ms, type Target } from "./lib/bench/measure";
import { clientJavaScript, pageBytes } from "./lib/bench/page-bytes";
import { measureRefresh, REFRESH_LOADS } from "./lib/bench/refresh";
import { codeState, machine, markdownTable, type Row } from "./lib/bench/report";
import { countStatements } from "./lib/bench/statements";
import {
  BREAKDOWN_STEPS,
  measureBreakdown,
  measureThroughput,
  THROUGHPUT_SETUP,
} from "./lib/bench/throughput";
import { emulator } from "./lib/emulator-control";
import { stopAll, stopAllOnSignals } from "./lib/processes";
import { signInOverHttp } from "./lib/sign-in-over-http";
import { buildApp, startStack } from "./lib/stack";
import { stack } from "./lib/stack-env";

// `npm run bench [-- figure...]`: builds the app (a production build, checked to lack the floor
// route, then the bench build), starts the test stack (scripts/lib/stack.ts) and measures every
// figure of the dashboard in one run, each beside its floor or its counterpart; ends with one
// Markdown table for BENCHMARKS.md. Name figures (e.g. `refresh`) to measure only those.

const ORGANIZATIONS = {
  acme: { label: "Acme (7 agents)", email: "alice@acme.test" },
  globex: { label: "Globex (500 agents)", email: "greta@globex.test" },
};
type Org = keyof typeof ORGANIZATIONS;

interface Run {
  dashboard: Record<Org, Target>;
  floor: Record<Org, Target>;
  cookie: Record<Org, string>;
  /** Lines printed as they come, above the table. */
  note: (line: string) => void;
}

const FIGURES: Record<string, { floor: boolean; measure: (run: Run) => Promise<Row[]> }> = {
  throughput: { floor: true, measure: throughput },
  latency: { floor: true, measure: latency },
  statements: { floor: false, measure: statements },
  size: { floor: false, measure: organizationSize },
  bytes: { floor: false, measure: bytes },
  javascript: { floor: false, measure: javascript },
  refresh: { floor: false, measure: refresh },
};

const ratio = (value: number) => value.toFixed(2);

async function throughput(run: Run): Promise<Row[]> {
  run.note(`throughput: ${THROUGHPUT_SETUP}`);
  const rows: Row[] = [];
  for (const org of ["acme", "globex"] as const) {
    const measured = await measureThroughput({
      floor: run.floor[org],
      dashboard: run.dashboard[org],
    });
    const share = measured.dashboard / measured.floor;
    const calls = measured.callsPerRequest;
    run.note(
      `  ${org}: LiveChat calls per request: floor ${calls.floor.toFixed(2)}, dashboard ${calls.dashboard.toFixed(2)}`,
    );
    rows.push({
      figure: `signed-in dashboard throughput vs floor, ${ORGANIZATIONS[org].label}`,
      measured: `${ratio(share)} (dashboard ${measured.dashboard.toFixed(1)} req/s, floor ${measured.floor.toFixed(1)} req/s)`,
      target: ">= 0.8 of the floor",
      pass: share >= 0.8,
    });
    await breakdown(run, org);
  }
  return rows;
}

/** Milliseconds per request of each step from an empty page to the dashboard (notes only). */
async function breakdown(run: Run, org: Org) {
  const { cookie, headers } = { cookie: run.cookie[org], headers: run.floor[org].headers };
  const targets = BREAKDOWN_STEPS.map(({ path }) => ({
    name: `${path} (${org})`,
    url: new URL(path, run.dashboard[org].url).href,
    headers: path === "/bench/floor" ? headers : path === "/bench/empty" ? {} : { cookie },
  }));
  const perRequest = await measureBreakdown(targets);
  run.note(`  ${org}: time per request at saturation (8 connections, 2 cores), step by step:`);
  BREAKDOWN_STEPS.forEach(({ label, after }, index) => {
    const step = perRequest[index]!;
    const added = after === null ? "" : ` (+${(step - perRequest[after]!).toFixed(2)})`;
    run.note(`    ${`${step.toFixed(2)} ms${added}`.padEnd(20)} ${label}`);
  });
}

async function latency(run: Run): Promise<Row[]> {
  const limit = 1.1 * ADDED_LATENCY_MS + 30;
  const order = ["acme", "globex"] as const;
  const targets = order.flatMap((org) => [run.dashboard[org], run.floor[org]]);
  const medians = await withAddedLatency(() => medianLoadTimes(targets, 7));
  return order.map((org, index) => {
    const [dashboard = NaN, floor = NaN] = medians.slice(index * 2, index * 2 + 2);
    return {
      figure: `dashboard server time with L = ${ADDED_LATENCY_MS} ms per LiveChat call, ${ORGANIZATIONS[org].label}`,
      measured: `${ms(dashboard)} (floor ${ms(floor)}; median of 7, to the last byte)`,
      target: `<= 1.1 L + 30 ms = ${limit} ms`,
      pass: dashboard <= limit,
    };
  });
}

async function statements(run: Run): Promise<Row[]> {
  const logFile = stack.databaseLogFile;
  const figure = "database statements per dashboard request, fresh token";
  if (!logFile) {
    const measured =
      "not measured: needs the log of a PostgreSQL server of our own (not TEST_DATABASE_URL, not PGlite)";
    return [{ figure, measured, target: "<= 2", pass: false }];
  }
  const adminUrl = Object.assign(new URL(stack.databaseUrl), { pathname: "/postgres" }).toString();
  const counts: number[] = [];
  let perRequest: string[][] = [];
  for (const org of ["acme", "globex"] as const) {
    perRequest = await countStatements(run.dashboard[org], 3, {
      adminUrl,
      databaseUrl: stack.databaseUrl,
      logFile,
    });
    counts.push(...perRequest.map((list) => list.length));
  }
  const [example = []] = perRequest;
  run.note(`statements of one Globex dashboard request (${example.length}):`);
  for (const statement of example) run.note(`  ${statement.slice(0, 110)}`);
  const worst = Math.max(...counts);
  return [
    {
      figure,
      measured: `${worst} (most of 3 requests each as Acme and Globex: ${counts.join(", ")})`,
      target: "<= 2",
      pass: worst <= 2,
    },
  ];
}

async function organizationSize(run: Run): Promise<Row[]> {
  const [acme = NaN, globex = NaN] = await medianLoadTimes(
    [run.dashboard.acme, run.dashboard.globex],
    21,
  );
  const times = globex / acme;
  return [
    {
      figure: "500-agent vs 7-agent organization, median single-load time",
      measured: `${times.toFixed(2)}x (Globex ${ms(globex)}, Acme ${ms(acme)}; median of 21)`,
      target: "<= 1.5x",
      pass: times <= 1.5,
    },
  ];
}

async function bytes(run: Run): Promise<Row[]> {
  const { html, rsc } = await pageBytes(run.dashboard.globex);
  return [
    {
      figure: "HTML + RSC bytes of the first dashboard page, 500 agents",
      measured: `${kb(html + rsc)} (HTML ${kb(html)} + RSC ${kb(rsc)}, uncompressed)`,
      target: "<= 100 KB",
      pass: html + rsc <= 100_000,
    },
  ];
}

async function javascript(run: Run): Promise<Row[]> {
  const start = await clientJavaScript({
    name: "start page",
    url: `${stack.appUrl}/`,
    headers: {},
  });
  const dashboard = await clientJavaScript(run.dashboard.globex);
  const sign = (value: number) => (value < 0 ? "-" : "+") + kb(Math.abs(value));
  const describe = (js: typeof start) =>
    `${kb(js.bytes)} (gzip ${kb(js.gzipBytes)}, ${js.files} files)`;
  return [
    {
      figure: "client JavaScript, dashboard vs start page",
      measured: `dashboard ${describe(dashboard)}; start page ${describe(start)}; difference ${sign(dashboard.bytes - start.bytes)} (gzip ${sign(dashboard.gzipBytes - start.gzipBytes)})`,
      target: "report both",
      pass: null,
    },
  ];
}

async function refresh(run: Run): Promise<Row[]> {
  const rounds = await measureRefresh(ORGANIZATIONS.globex.email, run.cookie.globex);
  run.note(`${REFRESH_LOADS} concurrent loads on 2 app processes after expiry, as Globex:`);
  run.note("  round  refreshes  p50 ms  p95 ms  max ms");
  for (const [i, round] of rounds.entries()) {
    const cells = [round.p50, round.p95, round.max].map((value) => value.toFixed(0).padStart(6));
    run.note(
      `  ${String(i + 1).padStart(5)}  ${String(round.refreshes).padStart(9)}  ${cells.join("  ")}`,
    );
  }
  const counts = rounds.map((round) => round.refreshes);
  return [
    {
      figure: `calls to /v2/token for ${REFRESH_LOADS} concurrent loads on 2 processes after expiry`,
      measured: `${counts.join(", ")} (${counts.length} expiries)`,
      target: "1",
      pass: counts.every((count) => count === 1),
    },
  ];
}

async function main() {
  const started = performance.now();
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !Object.hasOwn(FIGURES, name));
  if (unknown.length)
    throw new Error(
      `unknown figure ${unknown.join(", ")}; figures: ${Object.keys(FIGURES).join(", ")}`,
    );
  const selected = Object.entries(FIGURES).filter(
    ([name]) => !requested.length || requested.includes(name),
  );

  stopAllOnSignals(1);
  const notes: string[] = [];
  const note = (line: string) => {
    console.log(line);
    notes.push(line);
  };
  buildApp("production");
  assertFloorRoute("production");
  note("production build: no /bench/floor route (its app-paths manifest checked)");
  if (selected.some(([, figure]) => figure.floor)) {
    buildApp("bench");
    assertFloorRoute("bench");
  }
  const rows: Row[] = [];
  try {
    Object.assign(process.env, await startStack());
    await resetDatabase(stack.databaseUrl);
    await emulator.reset();
    const cookie = {} as Record<Org, string>;
    const dashboard = {} as Record<Org, Target>;
    const floor = {} as Record<Org, Target>;
    for (const org of ["acme", "globex"] as const) {
      const { email } = ORGANIZATIONS[org];
      const { browser } = await signInOverHttp(stack.appUrl, email);
      cookie[org] = browser.cookieHeader(stack.appUrl);
      dashboard[org] = {
        name: `dashboard (${email})`,
        url: `${stack.appUrl}/dashboard`,
        headers: { cookie: cookie[org] },
      };
      floor[org] = await floorTarget(stack.appUrl, email);
    }
    for (const [name, figure] of selected) {
      const figureStarted = performance.now();
      console.log(`\nmeasuring ${name} ...`);
      rows.push(...(await figure.measure({ dashboard, floor, cookie, note })));
      console.log(`(${name}: ${((performance.now() - figureStarted) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await stopAll();
  }
  console.log(`\n## npm run bench\n`);
  console.log(`Machine: ${machine()}  `);
  console.log(`Code: ${codeState()}  `);
  console.log(
    `Run: ${new Date().toISOString()}, ${Math.round((performance.now() - started) / 1000)} s\n`,
  );
  console.log(markdownTable(rows));
  if (notes.length) console.log(`\n\`\`\`\n${notes.join("\n")}\n\`\`\``);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
});
