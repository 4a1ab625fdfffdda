import { createHash, randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { pendingSignInCookie } from "@/lib/auth/frame-cookies";
import { sealSecret } from "@/lib/auth/tokens";
import { PENDING_MAX_AGE_SECONDS } from "@/lib/auth/widget-sign-in";
import { NO_ROWS, resetDatabase, rowCounts, withDatabase } from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { HttpBrowser } from "../../scripts/lib/http-browser";
import { SESSION_COOKIE } from "../../scripts/lib/sign-in-over-http";
import { stack } from "../../scripts/lib/stack-env";

// The popup sign-in of a widget frame over HTTP, as the frame's script and LiveChat's popup drive
// it: POST /api/widgets/sign-in, the accounts server's flow=button pages, the code posted back to
// POST /api/widgets/sign-in/callback. What it must refuse, it refuses before writing anything.

/** What lib/auth/widget-sign-in.ts binds a pending sign-in's seal to. */
const PENDING_PURPOSE = "widget-sign-in";
const json = { "content-type": "application/json" };

/** "Sign in with LiveChat" in the frame: the authorize URL and state, the pending cookie kept. */
function start(browser: HttpBrowser, origin: string | null = stack.appUrl) {
  return browser.fetch(`${stack.appUrl}/api/widgets/sign-in`, {
    method: "POST",
    headers: origin ? { ...json, origin } : json,
    body: "{}",
  });
}

async function started(
  browser: HttpBrowser,
): Promise<{ authorizeUrl: URL; state: string; id: string }> {
  const response = await start(browser);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { authorizeUrl: string; state: string; id: string };
  return { authorizeUrl: new URL(body.authorizeUrl), state: body.state, id: body.id };
}

/** Signs in at the emulator's pages with flow=button: what the last page posts to the frame. */
async function popupResult(browser: HttpBrowser, authorizeUrl: URL, email = "alice@acme.test") {
  const step = await browser.authorize(authorizeUrl, email);
  const match = /<script type="application\/json" id="popup-message">([^<]*)<\/script>/.exec(
    step.html,
  );
  if (!match?.[1]) throw new Error(`No popup result on the page (${step.status} ${step.location})`);
  const { targetOrigin, message } = JSON.parse(match[1]) as {
    targetOrigin: string;
    message: { data: { code: string; state: string } };
  };
  return { targetOrigin, ...message.data };
}

/** The frame hands the popup's result to the app's server. */
function callback(
  browser: HttpBrowser,
  body: { code: string; state: string; id: string },
  headers: Record<string, string> = { origin: stack.appUrl },
) {
  return browser.fetch(`${stack.appUrl}/api/widgets/sign-in/callback`, {
    method: "POST",
    headers: { ...json, ...headers },
    body: JSON.stringify(body),
  });
}

/** One Set-Cookie line of `response` for `name`, as its value and lower-cased attributes. */
function setCookie(response: Response, name: string) {
  const line = response.headers.getSetCookie().find((l) => l.startsWith(`${name}=`));
  if (!line) return null;
  const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
  return {
    value: pair.slice(name.length + 1),
    attributes: attributes.map((a) => a.toLowerCase()),
    maxAge: Number(
      /^max-age=(\d+)$/i.exec(attributes.find((a) => /^max-age=/i.test(a)) ?? "")?.[1],
    ),
  };
}

const PARTITIONED = ["path=/", "httponly", "secure", "samesite=none", "partitioned"];
// The pending sign-in's cookie goes only to the sign-in endpoints.
const PENDING_PARTITIONED = [
  "path=/api/widgets/sign-in",
  "httponly",
  "secure",
  "samesite=none",
  "partitioned",
];

const aliceTokens = async () =>
  emulator.tokens((await emulator.account("alice@acme.test")).account_id);

const sessionTokens = () =>
  withDatabase(stack.databaseUrl, async (db) => {
    const { rows } = await db.query<{ sessionToken: string }>(
      `SELECT "sessionToken" FROM "Session"`,
    );
    return rows.map((row) => row.sessionToken);
  });

beforeEach(async () => {
  await resetDatabase(stack.databaseUrl);
  await emulator.reset();
});

describe("a widget frame's popup sign-in", () => {
  it("starts with flow=button, its own state and an S256 challenge; the verifier stays sealed in a partitioned cookie", async () => {
    const browser = new HttpBrowser();
    const response = await start(browser);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { authorizeUrl, state, id } = (await response.json()) as {
      authorizeUrl: string;
      state: string;
      id: string;
    };
    const url = new URL(authorizeUrl);
    expect(url.origin).toBe(stack.emulatorUrl);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "marketplace-app",
      redirect_uri: `${stack.appUrl}/widgets/sign-in`,
      state,
      scope: expect.any(String),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: "S256",
      flow: "button",
    });
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const pending = setCookie(response, pendingSignInCookie(id));
    expect(pending?.attributes).toEqual(expect.arrayContaining(PENDING_PARTITIONED));
    expect(pending?.maxAge).toBe(PENDING_MAX_AGE_SECONDS);
    expect(pending?.value).not.toContain(state);
    // Two starts, two different sign-ins.
    const again = (await (await start(new HttpBrowser())).json()) as { state: string };
    expect(again.state).not.toBe(state);
    expect(await rowCounts(stack.databaseUrl)).toEqual(NO_ROWS);
  });

  it("exchanges the code the popup posted: 200, a partitioned session cookie, and a session the widgets accept", async () => {
    const browser = new HttpBrowser();
    const { authorizeUrl, state, id } = await started(browser);
    const result = { ...(await popupResult(browser, authorizeUrl)), id };
    expect(result.targetOrigin).toBe(stack.appUrl);
    expect(result.state).toBe(state);

    const response = await callback(browser, result);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ signedIn: true });
    const session = setCookie(response, SESSION_COOKIE);
    expect(session?.attributes).toEqual(expect.arrayContaining(PARTITIONED));
    expect(session?.maxAge).toBeGreaterThan(29 * 24 * 60 * 60);
    expect(await sessionTokens()).toEqual([session?.value]);
    // The pending sign-in is used up.
    expect(setCookie(response, pendingSignInCookie(id))?.maxAge).toBe(0);

    const widget = await browser.fetch(`${stack.appUrl}/widgets/fullscreen`);
    expect(widget.status).toBe(200);
    expect(await widget.text()).toContain('data-agent-id="alice@acme.test"');
  });
});

describe("refusals that write nothing", () => {
  it("a state other than the frame's own: 400, and LiveChat is never asked to exchange the code", async () => {
    const browser = new HttpBrowser();
    const { authorizeUrl, id } = await started(browser);
    const result = { ...(await popupResult(browser, authorizeUrl)), id };

    const response = await callback(browser, { ...result, state: `${result.state}x` });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "StateMismatch" });
    expect(setCookie(response, SESSION_COOKIE)).toBeNull();
    expect(await rowCounts(stack.databaseUrl)).toEqual(NO_ROWS);
    expect(await aliceTokens()).toEqual([]);
    // The pending sign-in went with that attempt: the right state no longer helps.
    expect((await callback(browser, result)).status).toBe(400);
    expect(await rowCounts(stack.databaseUrl)).toEqual(NO_ROWS);
  });

  it("no pending sign-in cookie (the code handed to another frame or browser): 400", async () => {
    const browser = new HttpBrowser();
    const { authorizeUrl, id } = await started(browser);
    const result = { ...(await popupResult(browser, authorizeUrl)), id };

    const response = await callback(new HttpBrowser(), result);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "StateMismatch" });
    expect(setCookie(response, SESSION_COOKIE)).toBeNull();
    expect(await rowCounts(stack.databaseUrl)).toEqual(NO_ROWS);
    expect(await aliceTokens()).toEqual([]);
  });

  it("a replayed code, even with the pending cookie it came with: 400 and no second session", async () => {
    const browser = new HttpBrowser();
    const { authorizeUrl, id } = await started(browser);
    const pending = browser.cookie(stack.appUrl, pendingSignInCookie(id));
    const result = { ...(await popupResult(browser, authorizeUrl)), id };
    expect((await callback(browser, result)).status).toBe(200);
    const before = await rowCounts(stack.databaseUrl);
    const sessions = await sessionTokens();
    expect(sessions).toHaveLength(1);

    const replays = [
      // LiveChat refuses a code the second time.
      { cookie: `${pendingSignInCookie(id)}=${pending}`, error: "CodeRejected" },
      // The frame's own pending cookie is gone after the first use.
      { cookie: null, error: "StateMismatch" },
    ];
    for (const { cookie, error } of replays) {
      const replay = await callback(new HttpBrowser(), result, {
        origin: stack.appUrl,
        ...(cookie ? { cookie } : {}),
      });
      expect(replay.status).toBe(400);
      expect(await replay.json()).toMatchObject({ error });
      expect(setCookie(replay, SESSION_COOKIE)).toBeNull();
    }
    expect(await rowCounts(stack.databaseUrl)).toEqual(before);
    expect(await sessionTokens()).toEqual(sessions);
  });

  it("a request from another Origin (or none): 403 before anything is read or used up", async () => {
    const foreign = new HttpBrowser();
    for (const origin of [stack.emulatorUrl, "https://evil.test", null]) {
      const response = await start(foreign, origin);
      expect(response.status).toBe(403);
      expect(response.headers.getSetCookie()).toEqual([]);
    }

    const browser = new HttpBrowser();
    const { authorizeUrl, id } = await started(browser);
    const result = { ...(await popupResult(browser, authorizeUrl)), id };
    for (const origin of [stack.emulatorUrl, "https://evil.test"]) {
      const response = await callback(browser, result, { origin });
      expect(response.status).toBe(403);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    expect(await rowCounts(stack.databaseUrl)).toEqual(NO_ROWS);
    expect(await aliceTokens()).toEqual([]);
    // The refused requests used nothing up: the frame's own request still signs in.
    expect((await callback(browser, result)).status).toBe(200);

    const signOut = await browser.fetch(`${stack.appUrl}/api/widgets/sign-out`, {
      method: "POST",
      headers: { ...json, origin: "https://evil.test" },
      body: "{}",
    });
    expect(signOut.status).toBe(403);
    expect(await sessionTokens()).toHaveLength(1);
  });

  it("an expired pending sign-in: 400 and the code is not used", async () => {
    // Staged: a pending sign-in sealed as the app seals it, started longer ago than it may live,
    // for a code LiveChat issued against its challenge.
    const browser = new HttpBrowser();
    const { authorizeUrl, id } = await started(browser);
    const state = randomBytes(32).toString("base64url");
    const verifier = randomBytes(32).toString("base64url");
    authorizeUrl.searchParams.set("state", state);
    authorizeUrl.searchParams.set(
      "code_challenge",
      createHash("sha256").update(verifier).digest("base64url"),
    );
    const result = { ...(await popupResult(browser, authorizeUrl)), id };
    const pendingCookie = (startedAt: number) =>
      `${pendingSignInCookie(id)}=${sealSecret(JSON.stringify({ state, verifier, redirectUri: `${stack.appUrl}/widgets/sign-in`, startedAt }), PENDING_PURPOSE)}`;
    const post = (startedAt: number) =>
      callback(new HttpBrowser(), result, {
        origin: stack.appUrl,
        cookie: pendingCookie(startedAt),
      });

    const expired = await post(Date.now() - (PENDING_MAX_AGE_SECONDS + 60) * 1000);
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ error: "StateMismatch" });
    expect(await rowCounts(stack.databaseUrl)).toEqual(NO_ROWS);
    expect(await aliceTokens()).toEqual([]);
    // The same staging within the pending sign-in's lifetime works, so the age was the refusal.
    expect((await post(Date.now() - 60 * 1000)).status).toBe(200);
  });
});
