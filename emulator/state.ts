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
  revoked: boolean;
}

export interface LoggedRequest {
  method: string;
  path: string;
  at: string;
}

// A long `npm run dev` session must not grow the log without bound; counts stay exact.
const REQUEST_LOG_LIMIT = 5000;

/** Everything the emulator remembers. In memory only: a restart or reset() starts clean. */
export class Store {
  sessions = new Map<string, Session>();
  /** Scopes each account granted each client (`account_id|client_id`): LiveChat remembers consent per account. */
  grants = new Map<string, Set<string>>();
  codes = new Map<string, AuthCode>();
  accessTokens = new Map<string, AccessToken>();
  refreshTokens = new Map<string, RefreshToken>();
  faults: Fault[] = [];
  requests: LoggedRequest[] = [];
  requestCounts = new Map<string, number>();
  requestTotal = 0;
  logRequest(method: string, path: string): void {
    const key = `${method} ${path}`;
    this.requestCounts.set(key, (this.requestCounts.get(key) ?? 0) + 1);
    this.requestTotal += 1;
    this.requests.push({ method, path, at: new Date().toISOString() });
    if (this.requests.length > REQUEST_LOG_LIMIT) this.requests.shift();
  }

  clearRequests(): void {
    this.requests = [];
    this.requestCounts.clear();
    this.requestTotal = 0;
  }

  reset(): void {
    this.sessions.clear();
    this.grants.clear();
    this.codes.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.faults = [];
    this.clearRequests();
  }
}
