import type { ServerResponse } from "node:http";
import type { z } from "zod";
import type { Context } from "./context";
import { readJsonBody, sendJson } from "./http";

/** HTTP statuses for Web API error types: LiveChat does not document them; these are the project's. */
const WEB_ERROR_STATUS = {
  authentication: 401,
  authorization: 403,
  validation: 400,
  not_found: 404,
  too_many_requests: 429,
  internal: 500,
  service_unavailable: 503,
  misdirected_request: 421,
  license_expired: 402,
  unsupported_version: 400,
} as const;

export type WebErrorType = keyof typeof WEB_ERROR_STATUS;

/** The REST APIs answer errors as `{"error":{"type","message"}}`; the accounts server does not. */
export function isWebApiPath(path: string): boolean {
  return path.startsWith("/v3.6/") || path === "/v2/agents" || path === "/agents";
}

export function webErrorTypeFor(status: number): string {
  const match = Object.entries(WEB_ERROR_STATUS).find(([, code]) => code === status);
  if (match) return match[0];
  return status >= 500 ? "internal" : "validation";
}

export function sendWebError(
  res: ServerResponse,
  type: WebErrorType,
  message: string,
  data?: Record<string, unknown>,
): void {
  sendJson(res, WEB_ERROR_STATUS[type], { error: { type, message, ...(data ? { data } : {}) } });
}

/**
 * Accounts server errors: `{"error": "CODE", "error_description": "text"}`, plus what the Global
 * Accounts API spec's error objects may add (`sub_error`, `invalid_fields`, `resource_name`).
 */
export function sendAccountsError(
  res: ServerResponse,
  status: number,
  error: string,
  description: string,
  extra: Record<string, unknown> = {},
): void {
  sendJson(
    res,
    status,
    { error, error_description: description, ...extra },
    { "Cache-Control": "no-store" },
  );
}

/** A zod error as one line, for JSON error messages. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
    .join("; ");
}

export function sendNotFound(res: ServerResponse, path: string): void {
  if (isWebApiPath(path)) sendWebError(res, "not_found", `No such method: ${path}`);
  else sendAccountsError(res, 404, "not_found", `No such endpoint: ${path}`);
}

/** The request's JSON body as `schema` reads it; null (after a 400 naming the issues) otherwise. */
export async function readJson<S extends z.ZodType>(
  ctx: Context,
  schema: S,
): Promise<z.infer<S> | null> {
  const parsed = schema.safeParse(await readJsonBody(ctx.req));
  if (parsed.success) return parsed.data;
  sendJson(ctx.res, 400, { error: describeIssues(parsed.error) });
  return null;
}
