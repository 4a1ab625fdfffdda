import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

const BODY_LIMIT_BYTES = 1_000_000;

export class BodyTooLargeError extends Error {
  constructor() {
    super(`Request body exceeds ${BODY_LIMIT_BYTES} bytes`);
    this.name = "BodyTooLargeError";
  }
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > BODY_LIMIT_BYTES) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A JSON object, `{}` for an empty body, or null when the text is not a JSON object. */
function parseJsonObject(raw: string): Record<string, unknown> | null {
  if (raw.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The body parsed as JSON whatever the content type: the Web API and the test controls speak only JSON. */
export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  return parseJsonObject(await readBody(req));
}

/** The body as an object: JSON when the content type says so, form-encoded otherwise (LiveChat accepts both). */
export async function readParams(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const raw = await readBody(req);
  return (req.headers["content-type"] ?? "").includes("json")
    ? parseJsonObject(raw)
    : Object.fromEntries(new URLSearchParams(raw));
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** The emulator's pages are an identity provider's and the Agent App's: nobody may frame them (clickjacking). */
export const NO_FRAMING_CSP = "frame-ancestors 'none'";

/**
 * An HTML page that refuses to be framed. `csp` replaces the default policy and must itself
 * contain `frame-ancestors 'none'`.
 */
export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  csp: string = NO_FRAMING_CSP,
): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": csp,
  });
  res.end(html);
}

export function redirect(res: ServerResponse, status: 302 | 303, location: string): void {
  res.writeHead(status, { Location: location, "Cache-Control": "no-store", "Content-Length": 0 });
  res.end();
}

// Browsers share localhost cookies across ports: another local app's `theme=50%` must not break us.
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) cookies[part.slice(0, index).trim()] = safeDecode(part.slice(index + 1).trim());
  }
  return cookies;
}

/** The emulator's origin as the client addressed it. */
export function requestOrigin(req: IncomingMessage): string {
  return `http://${req.headers.host ?? "127.0.0.1"}`;
}

/** `Authorization: Bearer TOKEN`; the accounts server also takes `?code=TOKEN`. */
export function bearerToken(req: IncomingMessage, url?: URL): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  return match?.[1] ?? url?.searchParams.get("code") ?? null;
}
