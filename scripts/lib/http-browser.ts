// The one HTTP-level sign-in driver: a browser made of fetch and a cookie jar, which fills in
// LiveChat's (the emulator's) sign-in and consent pages as a person would. The emulator's tests
// use it page by page; sign-in-over-http.ts drives the app's sign-in with it.

/** One answer: never followed by itself, its body already read. */
export interface Step {
  url: string;
  status: number;
  location: string | null;
  html: string;
}

const NAMED: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">" };

const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X"))
      return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(Number(body.slice(1)));
    return NAMED[body] ?? entity;
  });

/** The value of the page's first hidden field called `name`. */
function hiddenField(html: string, name: string): string {
  const match = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html);
  if (!match?.[1]) throw new Error(`No hidden field ${name} on the page`);
  return decodeEntities(match[1]);
}

const isSignInPage = (step: Step) => step.status === 200 && step.html.includes('action="/signin"');
const isConsentPage = (step: Step) =>
  step.status === 200 && step.html.includes('action="/consent"');

/** Keeps cookies per host (cookies ignore ports) and follows no redirect by itself. */
export class HttpBrowser {
  private readonly byHost = new Map<string, Map<string, string>>();

  /** `base` resolves the relative URLs given to get and post. */
  constructor(private readonly base?: string) {}

  cookieHeader(url: string): string {
    const cookies = this.byHost.get(new URL(url).hostname) ?? new Map();
    return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  cookie(url: string, name: string): string | undefined {
    return this.byHost.get(new URL(url).hostname)?.get(name);
  }

  private store(url: string, response: Response): void {
    const host = new URL(url).hostname;
    const cookies = this.byHost.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", ...rest] = pair.split("=");
      const value = rest.join("=");
      const expired = attributes.some(
        (a) => /^\s*max-age=0\b/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (expired || value === "") cookies.delete(name.trim());
      else cookies.set(name.trim(), value);
    }
    this.byHost.set(host, cookies);
  }

  /** fetch without following redirects, sending and keeping cookies. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(url);
    if (cookie) headers.set("cookie", cookie);
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    this.store(url, response);
    return response;
  }

  private async step(path: string, init?: RequestInit): Promise<Step> {
    const url = new URL(path, this.base).toString();
    const response = await this.fetch(url, init);
    const location = response.headers.get("location");
    return { url, status: response.status, location, html: await response.text() };
  }

  get(path: string): Promise<Step> {
    return this.step(path);
  }

  /** Posts `fields` as an HTML form does. */
  post(path: string, fields: Record<string, string>): Promise<Step> {
    return this.step(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** Submits the sign-in form of a LiveChat page as `email`. */
  signIn(page: Step, email: string): Promise<Step> {
    return this.post(new URL("/signin", page.url).toString(), {
      email,
      authorize_query: hiddenField(page.html, "authorize_query"),
      csrf: hiddenField(page.html, "csrf"),
    });
  }

  /** Answers a LiveChat consent page. */
  consent(page: Step, decision: "allow" | "deny"): Promise<Step> {
    return this.post(new URL("/consent", page.url).toString(), {
      decision,
      authorize_query: hiddenField(page.html, "authorize_query"),
      csrf: hiddenField(page.html, "csrf"),
    });
  }

  /**
   * Opens LiveChat's authorize URL, signing in as `email` and answering consent whenever a page
   * asks, and returns the last step: the redirect to the app, an /ooops redirect, or a page the
   * flow cannot answer.
   */
  async authorize(
    authorizeUrl: string | URL,
    email = "alice@acme.test",
    decision: "allow" | "deny" = "allow",
  ): Promise<Step> {
    let step = await this.get(authorizeUrl.toString());
    for (let hops = 0; hops < 6; hops += 1) {
      const next = step.location ? new URL(step.location, step.url) : null;
      if (isSignInPage(step)) step = await this.signIn(step, email);
      else if (isConsentPage(step)) step = await this.consent(step, decision);
      else if (next?.origin === new URL(step.url).origin && next.pathname === "/")
        step = await this.get(next.toString());
      else return step;
    }
    throw new Error("The authorization flow did not finish");
  }

  /** authorize, expecting LiveChat to send the browser back to the app: returns that URL. */
  async approve(authorizeUrl: string | URL, email: string): Promise<string> {
    const step = await this.authorize(authorizeUrl, email);
    const back = step.location ? new URL(step.location, step.url) : null;
    if (!back || back.origin === new URL(step.url).origin)
      throw new Error(`LiveChat did not send the browser back (${step.status}): ${step.location}`);
    return back.toString();
  }
}
