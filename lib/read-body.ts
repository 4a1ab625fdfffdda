// Request bodies the app reads itself are bounded: a declared length over the limit is refused
// before anything is read, and a body without one is read only up to the limit.

/** The largest body any of the app's own endpoints accepts (LiveChat's webhooks are ~1 KB). */
export const MAX_BODY_BYTES = 64 * 1024;

/** The body as text, or null when it is longer than `maxBytes` (the caller answers 413). */
export async function readBodyText(
  request: Request,
  maxBytes = MAX_BODY_BYTES,
): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON.parse that answers undefined (which no JSON text is) for text that is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
