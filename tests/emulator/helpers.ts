import { createHash, randomBytes } from "node:crypto";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "@/emulator/server";

/** Test helpers: drive the emulator's HTML pages with plain fetch and a hand-kept cookie. */

export const ACME_ID = "6f1c2a9e-0d5b-4b7a-9c3e-1a2b3c4d5e01";
export const GLOBEX_ID = "9b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c02";
export const ALICE_ID = "0a7e3c1d-5b2f-4c8e-9d1a-00000000a001";
export const GRETA_ID = "1b8f4d2e-6c3a-4d9f-8e2b-00000000b001";
export const APP_CALLBACK = "http://localhost:3000/api/auth/callback/livechat";

export const CLIENTS = {
  marketplace: { client_id: "marketplace-app", client_secret: "marketplace-app-secret" },
  private: { client_id: "private-app", client_secret: "private-app-secret" },
  javascript: { client_id: "javascript-app" },
} as const;

export function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, ...options });
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

const unescapeHtml = (text: string) =>
  text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

/** The value of the first hidden field with this name on the page. */
export function hiddenField(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`No hidden field ${name} on the page`);
  return unescapeHtml(match[1]);
}

export interface Step {
  status: number;
  location: string | null;
  html: string;
}

/** One browser: keeps the emulator's session cookie, never follows redirects by itself. */
export class Browser {
  cookie = "";

  constructor(private readonly base: string) {}

  private async step(response: Response): Promise<Step> {
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0] ?? "";
    return {
      status: response.status,
      location: response.headers.get("location"),
      html: await response.text(),
    };
  }

  async get(path: string): Promise<Step> {
    return this.step(
      await fetch(new URL(path, this.base), {
        redirect: "manual",
        headers: { cookie: this.cookie },
      }),
    );
  }

  async post(path: string, fields: Record<string, string>): Promise<Step> {
    const response = await fetch(new URL(path, this.base), {
      method: "POST",
      redirect: "manual",
      headers: { cookie: this.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    });
    return this.step(response);
  }

  /** Submits the sign-in form of a page: `authorize_query` and `csrf` come from its hidden fields. */
  signIn(page: Step, email: string): Promise<Step> {
    return this.post("/signin", {
      email,
      authorize_query: hiddenField(page.html, "authorize_query"),
      csrf: hiddenField(page.html, "csrf"),
    });
  }

  consent(page: Step, decision: "allow" | "deny"): Promise<Step> {
    return this.post("/consent", {
      decision,
      authorize_query: hiddenField(page.html, "authorize_query"),
      csrf: hiddenField(page.html, "csrf"),
    });
  }

  /**
   * Runs authorize, signing in and allowing whenever a page asks, and returns the last step:
   * the redirect to the app, an /ooops redirect, or a page the flow cannot answer.
   */
  async authorize(params: Record<string, string>, email = "alice@acme.test"): Promise<Step> {
    let step = await this.get(`/?${new URLSearchParams(params).toString()}`);
    for (let hops = 0; hops < 5; hops += 1) {
      if (step.status === 200 && step.html.includes('action="/signin"'))
        step = await this.signIn(step, email);
      else if (step.status === 200 && step.html.includes('action="/consent"'))
        step = await this.consent(step, "allow");
      else if (step.location?.startsWith("/?")) step = await this.get(step.location);
      else return step;
    }
    throw new Error("The authorization flow did not finish");
  }
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
  const code = codeOf(await new Browser(base).authorize(authorizeParams(client_id), email));
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
