import type { Client } from "./types";
import { isValidPkceValue, parsePkceMethod, type PkceMethod } from "./pkce";
import { matchesRedirectWhitelist } from "./redirect-uri";
import { parseScopeParam } from "./scopes";

export interface AuthorizeRequest {
  client: Client;
  redirectUri: string;
  /** Returned unchanged; null when the app sent none (e.g. a Marketplace install). */
  state: string | null;
  scopes: string[];
  challenge: { value: string; method: PkceMethod } | null;
  forceConsent: boolean;
  /** `button` (accounts-sdk's popup): the result is posted to `window.opener`, not redirected. */
  flow: AuthorizeFlow;
  /** The raw query, carried through the sign-in and consent forms. */
  query: string;
}

export type AuthorizeFlow = "redirect" | "button";

/** Where a result may go: known only once the client and its redirect URI have been checked. */
export interface ReplyTo {
  redirectUri: string;
  state: string | null;
  flow: AuthorizeFlow;
}

export type AuthorizeCheck =
  | { ok: true; request: AuthorizeRequest }
  | { ok: false; exception: string; details: string | null; replyTo: ReplyTo | null };

const refuse = (
  exception: string,
  details: string | null = null,
  replyTo: ReplyTo | null = null,
): AuthorizeCheck => ({ ok: false, exception, details, replyTo });

/**
 * Validates an authorize request. The client and redirect URI are checked first: until both are
 * known good, no error may go back to the redirect URI (LiveChat sends the user to /ooops instead).
 */
export function checkAuthorizeRequest(
  query: URLSearchParams,
  clients: readonly Client[],
): AuthorizeCheck {
  // unauthorized_client's reasons "missing client ID", "client ID not found", "invalid redirect
  // URI" and the exception details (troubleshooting/index.mdx L128-136, L200-206). The page's
  // L78-82 ties the same mistakes to invalid_request's text: the code list is the precise one.
  const client = clients.find((c) => c.client_id === query.get("client_id"));
  if (!client) return refuse("unauthorized_client", "client_id_not_found");
  const redirectUri = query.get("redirect_uri");
  if (!redirectUri) return refuse("unauthorized_client", "redirect_uri_not_set");
  if (!matchesRedirectWhitelist(redirectUri, client.redirect_uris))
    return refuse("unauthorized_client", "invalid_redirect_uri");

  // From here on the redirect URI is trusted: a popup (flow=button) may hear about the error.
  const replyTo: ReplyTo = {
    redirectUri,
    state: query.get("state"),
    flow: query.get("flow") === "button" ? "button" : "redirect",
  };
  const responseType = query.get("response_type");
  if (!responseType) return refuse("invalid_request", "response_type_not_set", replyTo);
  if (responseType !== "code") return refuse("unsupported_response_type", null, replyTo);

  const scopes = parseScopeParam(query.get("scope"), client.scopes);
  if (!scopes) return refuse("invalid_scope", null, replyTo);

  const challengeValue = query.get("code_challenge");
  const method = parsePkceMethod(query.get("code_challenge_method"));
  if (challengeValue !== null && (!method || !isValidPkceValue(challengeValue))) {
    return refuse("invalid_request", "invalid_code_challenge", replyTo);
  }
  if (challengeValue === null && query.has("code_challenge_method"))
    return refuse("invalid_request", "invalid_code_challenge", replyTo);
  if (challengeValue === null && client.client_secret === null)
    return refuse("invalid_request", "code_challenge_required", replyTo);

  return {
    ok: true,
    request: {
      client,
      redirectUri,
      state: replyTo.state,
      scopes,
      challenge: challengeValue !== null && method ? { value: challengeValue, method } : null,
      forceConsent: query.get("prompt") === "consent",
      flow: replyTo.flow,
      query: query.toString(),
    },
  };
}

export function ooopsLocation(exception: string, details: string | null): string {
  const params = new URLSearchParams({ oauth_exception: exception });
  if (details) params.set("exception_details", details);
  return `/ooops?${params.toString()}`;
}
