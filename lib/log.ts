// The server's one way to log: single-line JSON with the request's id (proxy.ts sets
// REQUEST_ID_HEADER on every request), passed through `redact` so that nothing shaped like a
// LiveChat token, a session id or a secret reaches the log, whoever wrote the message.

export const REQUEST_ID_HEADER = "x-request-id";

type Level = "info" | "warn" | "error";
type Fields = Record<string, unknown>;

const REDACTED = "[redacted]";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Keys whose values are secret whatever they look like.
const SECRET_KEY = /token|secret|password|passwd|authorization|cookie|verifier|^code$|key$/i;

const PATTERNS: [RegExp, string][] = [
  // An Authorization header's credentials.
  [/\b(Bearer|Basic)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`],
  // Credentials in a connection string: postgres://user:password@host.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^/\s:@]+):[^@\s/]+@/gi, `$1:${REDACTED}@`],
  // key=value and "key": "value" pairs of secret-ish names (query strings, JSON, prose).
  [
    /\b((?:access_|refresh_|id_|session_?|csrf_?)?token|client_secret|secret|password|code_verifier|code)(["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
    `$1$2${REDACTED}`,
  ],
  // LiveChat tokens and codes carry a region prefix: `dal:…`, `fra-a:…` (global-accounts-api spec).
  [/\b[a-z]{2,5}(?:-[a-z])?:[A-Za-z0-9_-]{16,}/g, REDACTED],
  // Anything else long and random: refresh tokens, session ids, sealed tokens, keys.
  [/[A-Za-z0-9+/_=-]{32,}/g, REDACTED],
];

/** `text` with everything shaped like a token or a secret replaced, on one line. */
export function redact(text: string): string {
  let result = text.replace(/[\r\n\t\x00-\x1f\x7f]+/g, " ");
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

function redactValue(key: string, value: unknown, depth = 0): unknown {
  if (value === null || value === undefined || typeof value === "boolean") return value;
  if (typeof value === "number") return value;
  if (SECRET_KEY.test(key)) return REDACTED;
  if (value instanceof Error) return redact(`${value.name}: ${value.message}`);
  if (typeof value === "string") return redact(value).slice(0, 500);
  if (depth > 3) return "[…]";
  if (Array.isArray(value))
    return value.slice(0, 20).map((item) => redactValue(key, item, depth + 1));
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, redactValue(k, v, depth + 1)]),
    );
  }
  return redact(String(value));
}

/** The log line for an event: JSON, one line, redacted. */
export function logLine(level: Level, event: string, fields: Fields = {}, requestId?: string) {
  const safe = redactValue("", fields) as Fields;
  return JSON.stringify({
    time: new Date().toISOString(),
    level,
    event: redact(event).slice(0, 120),
    // Ours (proxy.ts), a UUID: kept as it is, anything else dropped.
    ...(requestId && UUID.test(requestId) ? { requestId } : {}),
    ...safe,
  });
}

/** The current request's id, when logging inside one (server components, route handlers). */
async function currentRequestId(): Promise<string | undefined> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  } catch {
    // Outside a request (start-up, scripts, tests): no id.
    return undefined;
  }
}

// Lines go out in the order they were logged, each once its request id is known.
let written: Promise<void> = Promise.resolve();

function write(level: Level, event: string, fields?: Fields) {
  const output = level === "info" ? console.info : level === "warn" ? console.warn : console.error;
  const id = currentRequestId();
  written = written.then(async () => output(logLine(level, event, fields, await id)));
}

/** Resolves once every line logged so far is written (for tests: no guessing with timers). */
export const logsWritten = (): Promise<void> => written;

/**
 * `log.error("livechat.call_failed", { type, status })`: an event name, dotted, and fields (no
 * personal data). Lines are written as soon as the request id is known.
 */
export const log = {
  info: (event: string, fields?: Fields) => write("info", event, fields),
  warn: (event: string, fields?: Fields) => write("warn", event, fields),
  error: (event: string, fields?: Fields) => write("error", event, fields),
};
