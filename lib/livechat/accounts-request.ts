import { z } from "zod";
import { LiveChatAuthError } from "./errors";
import { parseJson } from "@/lib/read-body";
import { redact, send } from "./http";

/** Where the accounts server is and which app is calling it. */
export type AccountsConfig = {
  /** `https://accounts.livechat.com`, the emulator's, or a staging one. */
  accountsUrl: string;
  clientId: string;
  /** Absent for public (PKCE-only) clients. */
  clientSecret?: string;
  fetch?: typeof fetch;
  /** Default 10 000. */
  timeoutMs?: number;
};

/** The part of the config that calls made with a user's token need. */
export type AccountsEndpoint = Pick<AccountsConfig, "accountsUrl" | "fetch" | "timeoutMs">;

type AccountsCall<T> = {
  /** Names the call in error messages, e.g. "token refresh". */
  operation: string;
  method: "GET" | "POST" | "DELETE";
  path: string;
  bearer?: string;
  form?: URLSearchParams;
  schema: z.ZodType<T>;
  /** Values besides the bearer token that must never appear in an error message. */
  secrets?: readonly (string | undefined)[];
};

const DEFAULT_TIMEOUT_MS = 10_000;

const errorBodySchema = z.looseObject({
  error: z.string(),
  error_description: z.string().optional(),
});

/**
 * The one fetch wrapper for the accounts server. It never retries: refreshing or revoking twice
 * is not harmless for every client type, so the caller decides.
 * Throws `LiveChatAuthError`; its message never contains the tokens or the client secret.
 * @see https://platform.text.com/docs/authorization/authorizing-api-calls#errors
 */
export async function accountsRequest<T>(cfg: AccountsEndpoint, call: AccountsCall<T>): Promise<T> {
  const url = `${cfg.accountsUrl.replace(/\/+$/, "")}${call.path}`;
  const timeoutMs = cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers: Record<string, string> = { Accept: "application/json" };
  if (call.bearer) headers.Authorization = `Bearer ${call.bearer}`;
  if (call.form) headers["Content-Type"] = "application/x-www-form-urlencoded";
  const init = { method: call.method, headers, body: call.form?.toString() };

  const result = await send(cfg.fetch ?? fetch, url, init, timeoutMs);
  if (!result.ok) {
    const what =
      result.failure === "timeout"
        ? `timed out after ${timeoutMs} ms`
        : "could not reach the accounts server";
    const message = `LiveChat ${call.operation} ${what}`;
    throw new LiveChatAuthError({ code: result.failure, status: 0, message, cause: result.cause });
  }
  const { status } = result.response;
  const json = parseJson(result.text);
  if (!result.response.ok) throw toAuthError(call, status, json);
  const parsed = call.schema.safeParse(json);
  if (!parsed.success) {
    const message = `LiveChat ${call.operation} answered HTTP ${status} with an unexpected body`;
    throw new LiveChatAuthError({ code: "invalid_response", status, message, cause: parsed.error });
  }
  return parsed.data;
}

function toAuthError<T>(call: AccountsCall<T>, status: number, json: unknown) {
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) {
    const message = `LiveChat ${call.operation} failed with HTTP ${status}`;
    return new LiveChatAuthError({ code: "invalid_response", status, message });
  }
  const { error: code, error_description: description } = parsed.data;
  const detail = description ? `: ${description}` : "";
  // The server's text is not ours: strip anything secret in case it is ever echoed back.
  const message = redact(`LiveChat ${call.operation} failed${detail} (${code}, HTTP ${status})`, [
    call.bearer,
    ...(call.secrets ?? []),
  ]);
  const safeDescription =
    description && redact(description, [call.bearer, ...(call.secrets ?? [])]);
  return new LiveChatAuthError({ code, status, message, description: safeDescription });
}
