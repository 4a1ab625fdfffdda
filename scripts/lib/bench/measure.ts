import { performance } from "node:perf_hooks";

// What every figure of `npm run bench` is made of: one timed request, medians, and a fixed number
// of connections kept busy for a fixed time.

/** A request to time: the dashboard as a signed-in browser, or the floor with its token. */
export interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
}

/** One answer, its body read to the last byte. */
export interface Load {
  status: number;
  /** Until the status line and headers arrived: the first flushed chunk (a streamed shell). */
  headersMs: number;
  /** Until the last byte of the body: the whole server time, streaming included. */
  totalMs: number;
  body: Buffer;
  contentType: string;
  location: string | null;
}

export async function load(target: Target, extraHeaders: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(target.url, {
    headers: { ...target.headers, ...extraHeaders },
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const headersMs = performance.now() - started;
  const body = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headersMs,
    totalMs: performance.now() - started,
    body,
    contentType: response.headers.get("content-type") ?? "",
    location: response.headers.get("location"),
  } satisfies Load;
}

/** `load`, failing unless the answer is a 200. */
export async function loadOk(target: Target, extraHeaders: Record<string, string> = {}) {
  const answer = await load(target, extraHeaders);
  if (answer.status !== 200) throw new Error(`${target.name} answered ${answer.status}`);
  return answer;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** `connections` loops requesting `target` back to back for `durationMs`; every answer a 200. */
export async function saturate(target: Target, connections: number, durationMs: number) {
  const started = performance.now();
  const deadline = started + durationMs;
  let requests = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        await loadOk(target);
        requests += 1;
      }
    }),
  );
  return { requests, seconds: (performance.now() - started) / 1000 };
}

export const ms = (value: number) => `${value.toFixed(0)} ms`;
/** Kilobytes of 1000 bytes, as the targets are written. */
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
