/**
 * LiveChat's redirect URI whitelist rules: scheme and host (with port) match exactly, the
 * configured path is a prefix of the requested path, and path traversal is refused.
 */
export function matchesRedirectWhitelist(requested: string, whitelist: readonly string[]): boolean {
  // Checked on the raw string: URL parsing would silently resolve `..` and hide the traversal.
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

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
