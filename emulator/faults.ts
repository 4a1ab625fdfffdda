import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import type { Context } from "./context";
import type { Store } from "./state";
import { isWebApiPath, webErrorTypeFor } from "./errors";
import { sendJson } from "./http";

/** Whether a fault answers the request itself (a status, a broken body, JSON), not only delays it. */
function answers(fault: { status?: number; body?: string; json?: unknown }): boolean {
  return fault.status !== undefined || !!fault.body || fault.json !== undefined;
}

export const faultSchema = z
  .object({
    endpoint: z.string().startsWith("/"),
    method: z.string().toUpperCase().optional(),
    status: z.number().int().min(200).max(599).optional(),
    error_type: z.string().min(1).optional(),
    delay_ms: z.number().int().min(0).max(120_000).optional(),
    retry_after: z.union([z.number().int().min(0), z.string().min(1)]).optional(),
    body: z.enum(["malformed", "empty", "html"]).optional(),
    /** Answered as it is (status 200 unless given): what LiveChat might send that the fixtures never do. */
    json: z.unknown().optional(),
    hang: z.boolean().optional(),
    times: z.number().int().positive().optional(),
  })
  .strict()
  .refine((f) => answers(f) || f.hang || f.delay_ms !== undefined, {
    message: "A fault needs at least one of status, body, json, hang or delay_ms",
  })
  .refine((f) => !(f.body && f.json !== undefined), {
    message: "A fault answers either a broken body or a JSON one, not both",
  });

export type Fault = z.infer<typeof faultSchema>;

export function addFault(store: Store, fault: Fault): void {
  store.faults.push(fault);
}

/** Drops every fault; returns how many there were. */
export function clearFaults(store: Store): number {
  const cleared = store.faults.length;
  store.faults = [];
  return cleared;
}

/** The first fault matching this request, counted down and dropped once its `times` run out. */
export function takeFault(store: Store, method: string, path: string): Fault | null {
  const fault = store.faults.find((f) => f.endpoint === path && (!f.method || f.method === method));
  if (!fault) return null;
  if (fault.times !== undefined) {
    fault.times -= 1;
    if (fault.times === 0) store.faults.splice(store.faults.indexOf(fault), 1);
  }
  return fault;
}

/** Plays a fault. Returns false when the request should still be answered normally (delay only). */
export async function applyFault(ctx: Context, fault: Fault): Promise<boolean> {
  // A hanging request is never answered; closing the emulator destroys its socket.
  if (fault.hang) return true;
  if (fault.delay_ms) {
    try {
      await sleep(fault.delay_ms, undefined, { signal: ctx.signal });
    } catch {
      return true;
    }
  }
  if (!answers(fault)) return false;
  const headers: Record<string, string> = {};
  if (fault.retry_after !== undefined) headers["Retry-After"] = String(fault.retry_after);
  if (fault.body) {
    sendBrokenBody(ctx, fault, headers);
    return true;
  }
  if (fault.json !== undefined) {
    sendJson(ctx.res, fault.status ?? 200, fault.json, headers);
    return true;
  }
  const status = fault.status ?? 500;
  const message = "Fault injected by the LiveChat emulator";
  const body = isWebApiPath(ctx.url.pathname)
    ? { error: { type: fault.error_type ?? webErrorTypeFor(status), message } }
    : { error: fault.error_type ?? accountsErrorFor(status), error_description: message };
  sendJson(ctx.res, status, body, headers);
  return true;
}

/**
 * The accounts server's `error` for a status, as the Global Accounts API spec's responses give it
 * (livechat-public-docs src/configs/redoc/global-accounts-api/spec.yml: 400 `bad_request` L363-374,
 * 401 `unauthorized` L206-215, 403 `access_denied` L254-272, 404 `resource_not_found` L514-521,
 * 409 `conflict` L391-417, 422 `invalid_request` L423-436, 429 `temporarily_unavailable`
 * L2246-2259, 500 `server_error` L274-290). The spec lists no 503: RFC 6749's
 * `temporarily_unavailable` stands for it.
 */
const ACCOUNTS_ERROR_BY_STATUS: Readonly<Record<number, string>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "access_denied",
  404: "resource_not_found",
  409: "conflict",
  422: "invalid_request",
  429: "temporarily_unavailable",
  500: "server_error",
  503: "temporarily_unavailable",
};

function accountsErrorFor(status: number): string {
  return ACCOUNTS_ERROR_BY_STATUS[status] ?? (status >= 500 ? "server_error" : "bad_request");
}

function sendBrokenBody(ctx: Context, fault: Fault, headers: Record<string, string>): void {
  if (fault.body === "html") {
    // What a proxy in front of the API answers when the upstream is down.
    ctx.res.writeHead(fault.status ?? 502, { ...headers, "Content-Type": "text/html" });
    ctx.res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
    return;
  }
  // Claims JSON but is not: a truncated or empty answer.
  ctx.res.writeHead(fault.status ?? 200, { ...headers, "Content-Type": "application/json" });
  ctx.res.end(fault.body === "malformed" ? '{"access_token": "dal:trunc' : "");
}
