import { createHash, randomBytes } from "node:crypto";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "@/emulator/server";
import { HttpBrowser, type Step } from "../../scripts/lib/http-browser";

// What the emulator's tests share: an emulator of their own, its clients, authorize requests and
// token exchanges. Its pages are driven with the one HTTP browser (scripts/lib/http-browser.ts).

export const APP_CALLBACK = "http://localhost:3000/api/auth/callback/livechat";

export const CLIENTS = {
  marketplace: { client_id: "marketplace-app", client_secret: "marketplace-app-secret" },
  private: { client_id: "private-app", client_secret: "private-app-secret" },
  javascript: { client_id: "javascript-app" },
} as const;

/**
 * An emulator on a free port. These suites sign the same seeded accounts in dozens of times a
 * second, so LiveChat's 3 redirects in 30 s is off unless a test asks for it (`redirectLimit`).
 */
export function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, redirectLimit: false, ...options });
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function authorizeParams(
  client: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    response_type: "code",
    client_id: client,
    redirect_uri: APP_CALLBACK,
    state: "state-123",
    ...extra,
  };
}

/** The authorize URL (relative to the emulator) of `authorizeParams(client, extra)`. */
export function authorizePath(client: string, extra: Record<string, string> = {}): string {
  return `/?${new URLSearchParams(authorizeParams(client, extra)).toString()}`;
}

/** The `code` of a redirect back to the app (throws if the step is not one). */
export function codeOf(step: Step): string {
  const code = step.location ? new URL(step.location).searchParams.get("code") : null;
  if (!code)
    throw new Error(`Expected a redirect with a code, got ${step.status} ${step.location}`);
  return code;
}

export async function postToken(
  base: string,
  fields: Record<string, string>,
  asJson = false,
): Promise<Response> {
  return fetch(`${base}/v2/token`, {
    method: "POST",
    headers: { "content-type": asJson ? "application/json" : "application/x-www-form-urlencoded" },
    body: asJson ? JSON.stringify(fields) : new URLSearchParams(fields),
  });
}

export interface TokenResponse {
  access_token: string;
  account_id: string;
  expires_in: number;
  organization_id: string;
  refresh_token: string;
  scope: string;
  token_type: string;
}

/** Signs in through the pages as `email` with the private or marketplace app and exchanges the code. */
export async function issueTokens(
  base: string,
  email = "alice@acme.test",
  client: "marketplace" | "private" = "marketplace",
): Promise<TokenResponse> {
  const { client_id, client_secret } = CLIENTS[client];
  const code = codeOf(await new HttpBrowser(base).authorize(authorizePath(client_id), email));
  const response = await postToken(base, {
    grant_type: "authorization_code",
    code,
    client_id,
    client_secret,
    redirect_uri: APP_CALLBACK,
  });
  if (response.status !== 200)
    throw new Error(`Token exchange failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as TokenResponse;
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
