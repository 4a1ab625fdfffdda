import { z } from "zod";
import { LiveChatApiError, type LiveChatApiErrorType } from "./errors";
import { parseJson } from "@/lib/read-body";
import { redact, send } from "./http";
import { tokenRegion } from "./region";
import { parseRetryAfter, retryDelayMs, wait } from "./retry-policy";

/** The Web API version every call targets (v3.6 is LiveChat's stable one). */
export const LIVECHAT_API_VERSION = "v3.6";

/** Where and as whom to call the Web API. Build one per request from a fresh access token. */
export type LiveChatContext = {
  /** Web API base URL: `https://api.livechatinc.com`, the emulator's, or a staging one. */
  apiUrl: string;
  /** The user's access token, region prefix included (`dal:...`). */
  accessToken: string;
  /**
   * The region to direct calls to (`X-Region`): the one LiveChat last named for the organization
   * in a `misdirected_request`; by default the token's prefix.
   */
  region?: string;
  fetch?: typeof fetch;
  /** Per attempt; default 10 000. */
  timeoutMs?: number;
  /** Extra attempts after a retryable failure; default 2. */
  retries?: number;
  /** Waits between attempts; tests pass one that records the delay instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
};

export type RequestOptions<T> = {
  body?: unknown;
  schema: z.ZodType<T>;
};

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRIES = 2;
// For error bodies that are not LiveChat's (a gateway's HTML page); 404 is left out because a
// wrong apiUrl answers it too, and that is not "the agent does not exist".
const TYPE_BY_STATUS: Readonly<Record<number, LiveChatApiErrorType>> = {
  401: "authentication",
  403: "authorization",
  429: "too_many_requests",
  500: "internal",
  502: "service_unavailable",
  503: "service_unavailable",
  504: "service_unavailable",
};

const errorBodySchema = z.object({
  error: z.looseObject({
    type: z.string(),
    message: z.string().optional(),
    data: z.unknown().optional(),
  }),
});

/**
 * Calls one Web API action: `POST {apiUrl}/v3.6/{path}` with the user's Bearer token.
 * Retries network errors, 429 and 502-504 (see `retryDelayMs`), which is safe only because
 * every action called through it is read-only: do not route a write action through it as is.
 * Throws `LiveChatApiError`; its message never contains the token.
 * @see https://platform.text.com/docs/management/configuration-api#errors
 */
export async function request<T>(
  ctx: LiveChatContext,
  path: string,
  options: RequestOptions<T>,
): Promise<T> {
  const retries = ctx.retries ?? DEFAULT_RETRIES;
  const sleep = ctx.sleep ?? wait;
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptOnce(ctx, path, options);
    } catch (error) {
      const delayMs = attempt < retries ? retryDelayMs(error, attempt) : null;
      if (delayMs === null) throw error;
      await sleep(delayMs);
    }
  }
}

async function attemptOnce<T>(ctx: LiveChatContext, path: string, options: RequestOptions<T>) {
  const url = `${ctx.apiUrl.replace(/\/+$/, "")}/${LIVECHAT_API_VERSION}/${path}`;
  const timeoutMs = ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const init = {
    method: "POST",
    headers: headersFor(ctx),
    body: JSON.stringify(options.body ?? {}),
  };
  const result = await send(ctx.fetch ?? fetch, url, init, timeoutMs);
  if (!result.ok) {
    const message =
      result.failure === "timeout"
        ? `LiveChat ${path} timed out after ${timeoutMs} ms`
        : `LiveChat ${path} could not be reached`;
    throw new LiveChatApiError({ type: result.failure, status: 0, message, cause: result.cause });
  }
  const { response, text } = result;
  const json = parseJson(text);
  if (!response.ok) throw toApiError(path, response, json, ctx.accessToken);
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    const problem = json === undefined ? "a body that is not JSON" : "an unexpected body";
    throw new LiveChatApiError({
      type: "invalid_response",
      status: response.status,
      message: `LiveChat ${path} answered HTTP ${response.status} with ${problem}`,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

function headersFor({ accessToken, region: named }: LiveChatContext): Record<string, string> {
  const headers = { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json" };
  const region = named ?? tokenRegion(accessToken);
  return region ? { ...headers, "X-Region": region } : headers;
}

function toApiError(path: string, response: Response, json: unknown, accessToken: string) {
  const { status } = response;
  const retryAfterSeconds = parseRetryAfter(response.headers.get("retry-after"));
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) {
    const type = TYPE_BY_STATUS[status] ?? "invalid_response";
    const message = `LiveChat ${path} failed with HTTP ${status} (${type})`;
    return new LiveChatApiError({ type, status, message, retryAfterSeconds });
  }
  const { type, message, data } = parsed.data.error;
  // LiveChat's text is not ours: strip the token in case it is ever echoed back.
  const detail = redact(message ?? type, [accessToken]);
  return new LiveChatApiError({
    type,
    status,
    message: `LiveChat ${path} failed: ${detail} (${type}, HTTP ${status})`,
    data,
    retryAfterSeconds,
  });
}
