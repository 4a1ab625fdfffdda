import type { Fault } from "./faults";
import type { PkceMethod } from "./pkce";
import type { Region } from "./types";

/** A browser's sign-in and consent state, keyed by the emulator's own cookie. */
export interface Session {
  id: string;
  csrf: string;
  accountId: string | null;
}

export interface AuthCode {
  value: string;
  clientId: string;
  accountId: string;
  redirectUri: string;
  scopes: string[];
  challenge: { value: string; method: PkceMethod } | null;
  expiresAt: number;
  /** Set when the code is exchanged: the family of tokens issued for it, revoked if it is reused. */
  family: string | null;
}

/** What every token of one code exchange shares. */
export interface TokenGrant {
  family: string;
  clientId: string;
  accountId: string;
  organizationId: string;
  region: Region;
  /** The organization's `token_prefix`, put before every access token. */
  tokenPrefix: string;
  scopes: string[];
}

export interface AccessToken extends TokenGrant {
  value: string;
  refreshToken: string;
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshToken extends TokenGrant {
  value: string;
  /** Null: LiveChat documents no lifetime for refresh tokens; an emulator option can set one. */
  expiresAt: number | null;
  revoked: boolean;
}

export interface LoggedRequest {
  method: string;
  path: string;
  at: string;
  /** The X-Region header, where one was sent: which region the caller directed the call to. */
  region?: string;
}

/** Everything the emulator remembers. Plain data: each concern's module changes its own part. */
export interface Store {
  sessions: Map<string, Session>;
  /** Scopes each account granted each client (`account_id|client_id`): LiveChat remembers consent per account. */
  grants: Map<string, Set<string>>;
  codes: Map<string, AuthCode>;
  /** When each `account_id|client_id` was last redirected back with a code (LiveChat's redirect limit). */
  redirects: Map<string, number[]>;
  /** Set by a test control; null follows the emulator's configuration. */
  redirectLimit: boolean | null;
  accessTokens: Map<string, AccessToken>;
  refreshTokens: Map<string, RefreshToken>;
  faults: Fault[];
  /**
   * Organizations moved to another region (POST /_emulator/organizations/move): their tokens keep
   * their prefix, and Web API calls directed by it are misdirected.
   */
  movedOrganizations: Map<string, string>;
  requests: LoggedRequest[];
  requestCounts: Map<string, number>;
  requestTotal: number;
}

/** An empty store. In memory only: a restart or resetStore() starts clean. */
export function createStore(): Store {
  return {
    sessions: new Map(),
    grants: new Map(),
    codes: new Map(),
    redirects: new Map(),
    redirectLimit: null,
    accessTokens: new Map(),
    refreshTokens: new Map(),
    faults: [],
    movedOrganizations: new Map(),
    requests: [],
    requestCounts: new Map(),
    requestTotal: 0,
  };
}

export function resetStore(store: Store): void {
  // In place: every request's context holds this same object.
  Object.assign(store, createStore());
}
