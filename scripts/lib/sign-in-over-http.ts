import { CookieJar } from "./cookie-jar";

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

const NAMED: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">" };

const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X"))
      return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(Number(body.slice(1)));
    return NAMED[body] ?? entity;
  });

/** The hidden fields of the page's first form (the account picks below it carry their own). */
function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1]!] ??= decodeEntities(match[2]!);
  }
  return fields;
}

/** Starts "Sign in with LiveChat" at the app as its button does; returns the authorize URL. */
export async function startSignIn(
  jar: CookieJar,
  appUrl: string,
  callbackUrl = "/dashboard",
): Promise<string> {
  const { csrfToken } = (await (await jar.fetch(`${appUrl}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  const response = await jar.fetch(
    `${appUrl}/api/auth/signin/livechat`,
    form({ csrfToken, callbackUrl, json: "true" }),
  );
  const { url } = (await response.json()) as { url: string };
  return url;
}

/**
 * Drives the emulator's sign-in and consent pages as a person would, and returns where the
 * emulator finally sends the browser (the app's callback URL with `code` and `state`).
 */
export async function approveAtEmulator(
  jar: CookieJar,
  authorizeUrl: string,
  email: string,
  decision: "allow" | "deny" = "allow",
): Promise<string> {
  const origin = new URL(authorizeUrl).origin;
  let response = await jar.fetch(authorizeUrl);
  for (let step = 0; step < 6; step++) {
    if (response.status >= 300 && response.status < 400) {
      const location = new URL(response.headers.get("location")!, origin).toString();
      if (new URL(location).origin !== origin) return location;
      response = await jar.fetch(location);
      continue;
    }
    const html = await response.text();
    const fields = hiddenFields(html);
    if (html.includes('action="/consent"'))
      response = await jar.fetch(`${origin}/consent`, form({ ...fields, decision }));
    else if (html.includes('action="/signin"'))
      response = await jar.fetch(`${origin}/signin`, form({ ...fields, email }));
    else throw new Error(`Unexpected emulator page (${response.status}): ${html.slice(0, 300)}`);
  }
  throw new Error("The emulator did not redirect back to the app");
}

/** The whole sign-in of `email` at the app over plain HTTP; returns the jar holding the session. */
export async function signInOverHttp(
  appUrl: string,
  email: string,
): Promise<{ jar: CookieJar; finalLocation: string }> {
  const jar = new CookieJar();
  const callback = await approveAtEmulator(jar, await startSignIn(jar, appUrl), email);
  const response = await jar.fetch(callback);
  return { jar, finalLocation: response.headers.get("location") ?? "" };
}

/** Signs out as the app's sign-out button does (POST with the CSRF token); returns the response. */
export async function signOutOverHttp(jar: CookieJar, appUrl: string): Promise<Response> {
  const { csrfToken } = (await (await jar.fetch(`${appUrl}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  return jar.fetch(`${appUrl}/api/auth/signout`, form({ csrfToken, callbackUrl: "/" }));
}

export const SESSION_COOKIE = "next-auth.session-token";
