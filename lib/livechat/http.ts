export type SendResult =
  | { ok: true; response: Response; text: string }
  | { ok: false; failure: "timeout" | "network"; cause: unknown };

/**
 * Sends one request and reads its body under a single timeout. Failures come back as values so
 * each API's wrapper can turn them into its own error class.
 */
export async function send(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<SendResult> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchFn(url, { ...init, signal });
    // The body read stays under the same signal: a server that stalls mid-body is a timeout too.
    const text = await response.text();
    return { ok: true, response, text };
  } catch (cause) {
    return { ok: false, failure: signal.aborted ? "timeout" : "network", cause };
  }
}

/** Removes secrets from text that came from a server before it goes into an error message. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  return secrets.reduce<string>(
    (result, secret) => (secret ? result.split(secret).join("[redacted]") : result),
    text,
  );
}
