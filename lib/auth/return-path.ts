const BASE = "http://return-path.invalid";
const DEFAULT_RETURN_PATH = "/dashboard";

/**
 * Where to send the user after sign-in: a path on this site only. Anything that a browser could
 * read as another origin (`//evil`, `/\evil`, control characters) and the sign-in page itself
 * (which would loop) fall back to the dashboard.
 */
export function safeReturnPath(value: string | undefined | null): string {
  if (
    !value ||
    !value.startsWith("/") ||
    /[\\\x00-\x1f\x7f]/.test(value) ||
    /%(0\d|1[\da-f]|5c|7f)/i.test(value)
  ) {
    return DEFAULT_RETURN_PATH;
  }
  const url = new URL(value, BASE);
  if (url.origin !== BASE || url.pathname === "/" || url.pathname.startsWith("//"))
    return DEFAULT_RETURN_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}
