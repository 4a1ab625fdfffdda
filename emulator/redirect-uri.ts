/**
 * LiveChat's redirect URI whitelist rules: scheme and host (with port) match exactly, the
 * configured path is a prefix of the requested path, and path traversal is refused.
 */
export function matchesRedirectWhitelist(requested: string, whitelist: readonly string[]): boolean {
  // Checked on the raw string: URL parsing would silently resolve `..` and hide the traversal (and
  // drop tabs and newlines first, which could split a `..` the pattern would otherwise see).
  if (/[\u0000-\u0020\u007f]/.test(requested)) return false;
  if (/(^|[/\\])(\.|%2e){2}([/\\?#]|$)/i.test(requested) || requested.includes("#")) return false;
  const target = parseUrl(requested);
  if (!target || target.username || target.password) return false;
  return whitelist.some((entry) => {
    const allowed = parseUrl(entry);
    return (
      allowed !== null &&
      allowed.protocol === target.protocol &&
      allowed.host === target.host &&
      target.pathname.startsWith(allowed.pathname)
    );
  });
}

/** A whitelist entry as the Developer Console accepts it: an absolute http(s) URL without query or fragment. */
export function assertValidWhitelistEntry(entry: string): void {
  const url = parseUrl(entry);
  if (
    !url ||
    !/^https?:$/.test(url.protocol) ||
    url.search ||
    url.hash ||
    entry.includes("#") ||
    entry.includes("?")
  ) {
    throw new Error(
      `Redirect URI whitelist entry "${entry}" must be an absolute URL without a query or fragment`,
    );
  }
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
