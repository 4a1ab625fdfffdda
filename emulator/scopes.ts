// Scopes look like `resource[--range]:access`: `rw` includes `ro`; `all` includes `access` and `my`.

const RANGE_RANK: Record<string, number> = { my: 0, access: 1, all: 2 };
const ACCESS_RANK: Record<string, number> = { ro: 0, rw: 1 };
const SCOPE = /^([a-z_.]+?)(?:--(my|access|all))?:(ro|rw)$/;

interface ParsedScope {
  resource: string;
  range: number;
  access: number;
}

function parse(scope: string): ParsedScope | null {
  const match = SCOPE.exec(scope);
  if (!match?.[1] || !match[3]) return null;
  return {
    resource: match[1],
    range: RANGE_RANK[match[2] ?? "all"] ?? 0,
    access: ACCESS_RANK[match[3]] ?? 0,
  };
}

/** Whether any granted scope covers the required one. */
export function hasScope(granted: readonly string[], required: string): boolean {
  const need = parse(required);
  if (!need) return false;
  return granted.some((scope) => {
    const have = parse(scope);
    return (
      have !== null &&
      have.resource === need.resource &&
      have.range >= need.range &&
      have.access >= need.access
    );
  });
}

/** The `scope` query parameter is comma-separated; absent or empty means every scope of the client. */
export function parseScopeParam(
  param: string | null,
  clientScopes: readonly string[],
): string[] | null {
  const requested = (param ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (requested.length === 0) return [...clientScopes];
  return requested.every((s) => clientScopes.includes(s)) ? [...new Set(requested)] : null;
}
