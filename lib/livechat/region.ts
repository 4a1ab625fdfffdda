/**
 * The data-centre region named by an access token's prefix: `dal:` -> `dal`, `fra:` and
 * `fra-a:` -> `fra`; undefined for a token without one. LiveChat routes Web API calls by it.
 */
export function tokenRegion(accessToken: string): string | undefined {
  return /^([a-z]+)(?:-[a-z0-9]+)?:/.exec(accessToken)?.[1];
}
