import { HttpBrowser, type Step } from "./http-browser";

// The app's "Sign in with LiveChat" and "Sign out" over plain HTTP, as their buttons do, with the
// emulator's pages answered by HttpBrowser.

export const SESSION_COOKIE = "next-auth.session-token";

async function csrfToken(browser: HttpBrowser, appUrl: string): Promise<string> {
  const { html } = await browser.get(`${appUrl}/api/auth/csrf`);
  return (JSON.parse(html) as { csrfToken: string }).csrfToken;
}

/** Starts "Sign in with LiveChat" at the app as its button does; returns the authorize URL. */
export async function startSignIn(
  browser: HttpBrowser,
  appUrl: string,
  callbackUrl = "/dashboard",
): Promise<string> {
  const csrf = await csrfToken(browser, appUrl);
  const { html } = await browser.post(`${appUrl}/api/auth/signin/livechat`, {
    csrfToken: csrf,
    callbackUrl,
    json: "true",
  });
  return (JSON.parse(html) as { url: string }).url;
}

/** The whole sign-in of `email` at the app; returns the browser holding the session. */
export async function signInOverHttp(
  appUrl: string,
  email: string,
): Promise<{ browser: HttpBrowser; finalLocation: string }> {
  const browser = new HttpBrowser();
  const callback = await browser.approve(await startSignIn(browser, appUrl), email);
  const { location } = await browser.get(callback);
  return { browser, finalLocation: location ?? "" };
}

/** Signs out as the app's sign-out button does (POST with the CSRF token). */
export async function signOutOverHttp(browser: HttpBrowser, appUrl: string): Promise<Step> {
  const csrf = await csrfToken(browser, appUrl);
  return browser.post(`${appUrl}/api/auth/signout`, { csrfToken: csrf, callbackUrl: "/" });
}
