import type { Context, Routes } from "../context";
import { accounts, organizations } from "../fixtures";
import {
  checkAuthorizeRequest,
  ooopsLocation,
  type AuthorizeRequest,
  type ReplyTo,
} from "../authorize-request";
import { NO_FRAMING_CSP, readParams, redirect, sendHtml } from "../http";
import {
  buttonResultPage,
  consentPage,
  deniedPage,
  messagePage,
  ooopsPage,
  signInPage,
  type ButtonResult,
} from "../pages";
import { randomToken, safeEqual } from "../secrets";
import { ensureSession, getSession } from "../session";
import type { Session } from "../state";
import type { Account } from "../types";

// The accounts server's browser flow: authorize, sign in, consent, and the /ooops error page.
// `flow=button` (accounts-sdk's popup) ends in a page that posts the result to the opener instead.

const grantKey = (account: Account, request: AuthorizeRequest) =>
  `${account.account_id}|${request.client.client_id}`;

function organizationOf(account: Account) {
  const organization = organizations.find((o) => o.organization_id === account.organization_id);
  if (!organization) throw new Error(`Fixture account ${account.email} has no organization`);
  return organization;
}

/** A private app belongs to one organization: nobody else may authorize it. */
function refusedPrivateApp(request: AuthorizeRequest, account: Account): boolean {
  return (
    request.client.app_type === "private" &&
    request.client.organization_id !== account.organization_id
  );
}

function needsConsent(ctx: Context, request: AuthorizeRequest, account: Account): boolean {
  if (request.forceConsent) return true;
  // Agents of the organization that owns a private app are never asked.
  if (request.client.app_type === "private") return false;
  const granted = ctx.store.grants.get(grantKey(account, request));
  return !request.scopes.every((scope) => granted?.has(scope));
}

function sendButtonResult(ctx: Context, replyTo: ReplyTo, result: ButtonResult): void {
  const nonce = randomToken(16);
  // accounts-sdk's listener (src/helpers/listener.js) checks only that the message comes from the
  // accounts server; who may read it is ours to decide: the whitelisted redirect URI's origin, never *.
  const targetOrigin = new URL(replyTo.redirectUri).origin;
  sendHtml(
    ctx.res,
    200,
    buttonResultPage(result, targetOrigin, nonce),
    `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; ${NO_FRAMING_CSP}`,
  );
}

/** Refuses a request: to /ooops, or, in a popup whose redirect URI is already trusted, to its opener. */
function refuse(
  ctx: Context,
  status: 302 | 303,
  refusal: { exception: string; details: string | null; replyTo: ReplyTo | null },
): void {
  const { exception, details, replyTo } = refusal;
  if (replyTo?.flow === "button") {
    const error = {
      oauth_exception: exception,
      ...(details ? { exception_details: details } : {}),
    };
    return sendButtonResult(ctx, replyTo, { error });
  }
  redirect(ctx.res, status, ooopsLocation(exception, details));
}

const privateAppRefusal = (request: AuthorizeRequest) => ({
  exception: "unauthorized_client",
  details: "private_app_other_organization",
  replyTo: request,
});

// "There's a limit of 3 redirects in 30 seconds to the Livechat OAuth 2.1 server per client per
// user account. When the limit is reached, the server redirects to the error page with the
// `too_many_redirects` error details." (livechat-public-docs src/pages/authorization/
// oauth-authorization/index.mdx L50). The docs name no oauth_exception for it.
const REDIRECT_LIMIT = 3;
const REDIRECT_WINDOW_MS = 30_000;

/** Counts a redirect back to the app; false (and nothing counted) when it would be one too many. */
function withinRedirectLimit(ctx: Context, key: string): boolean {
  if (!(ctx.store.redirectLimit ?? ctx.config.redirectLimit)) return true;
  const now = Date.now();
  const recent = (ctx.store.redirects.get(key) ?? []).filter((at) => at > now - REDIRECT_WINDOW_MS);
  if (recent.length >= REDIRECT_LIMIT) return false;
  ctx.store.redirects.set(key, [...recent, now]);
  return true;
}

/** Issues the single-use code and hands it over: a redirect, or a post to the popup's opener. */
function issueCode(
  ctx: Context,
  request: AuthorizeRequest,
  account: Account,
  status: 302 | 303,
): void {
  // A popup posts its result instead of redirecting: only redirects count.
  if (request.flow === "redirect" && !withinRedirectLimit(ctx, grantKey(account, request))) {
    return redirect(ctx.res, status, ooopsLocation("invalid_request", "too_many_redirects"));
  }
  const code = `${organizationOf(account).token_prefix}:${randomToken(24)}`;
  ctx.store.codes.set(code, {
    value: code,
    clientId: request.client.client_id,
    accountId: account.account_id,
    redirectUri: request.redirectUri,
    scopes: request.scopes,
    challenge: request.challenge,
    expiresAt: Date.now() + ctx.config.codeTtlMs,
    family: null,
  });
  if (request.flow === "button") {
    const data = { code, ...(request.state !== null ? { state: request.state } : {}) };
    return sendButtonResult(ctx, request, { data });
  }
  const target = new URL(request.redirectUri);
  target.searchParams.set("code", code);
  // Always there, empty when the app sent none: the docs' example of a request without `state`
  // comes back as `?code=dal%3A...&state=` (oauth-authorization/index.mdx L555-558).
  target.searchParams.set("state", request.state ?? "");
  redirect(ctx.res, status, target.toString());
}

function continueAuthorization(ctx: Context, request: AuthorizeRequest, session: Session): void {
  const account = accounts.find((a) => a.account_id === session.accountId);
  const form = { query: request.query, csrf: session.csrf, client: request.client };
  if (!account) return sendHtml(ctx.res, 200, signInPage({ ...form, accounts }));
  if (refusedPrivateApp(request, account)) return refuse(ctx, 302, privateAppRefusal(request));
  if (needsConsent(ctx, request, account)) {
    const organization = organizationOf(account);
    return sendHtml(
      ctx.res,
      200,
      consentPage({ ...form, account, organization, scopes: request.scopes }),
    );
  }
  issueCode(ctx, request, account, 302);
}

function authorize(ctx: Context): void {
  const check = checkAuthorizeRequest(ctx.url.searchParams, ctx.config.clients);
  if (!check.ok) return refuse(ctx, 302, check);
  continueAuthorization(ctx, check.request, ensureSession(ctx));
}

/** Reads a sign-in or consent form; answers the request itself and returns null when it is not valid. */
async function readFlowForm(ctx: Context) {
  const form = await readParams(ctx.req);
  const session = getSession(ctx);
  const csrf = typeof form?.csrf === "string" ? form.csrf : "";
  if (!form || !session || !safeEqual(csrf, session.csrf)) {
    sendHtml(
      ctx.res,
      403,
      messagePage("Session expired", "Your sign-in session expired. Start again from the app."),
    );
    return null;
  }
  const check = checkAuthorizeRequest(
    new URLSearchParams(String(form.authorize_query ?? "")),
    ctx.config.clients,
  );
  if (!check.ok) {
    refuse(ctx, 303, check);
    return null;
  }
  return { form, session, request: check.request };
}

async function signIn(ctx: Context): Promise<void> {
  const flow = await readFlowForm(ctx);
  if (!flow) return;
  const email = String(flow.form.email ?? "")
    .trim()
    .toLowerCase();
  const account = accounts.find((a) => a.email === email);
  if (!account) {
    const error = `There is no LiveChat account for "${email}". Pick one of the seeded accounts below.`;
    const page = signInPage({
      query: flow.request.query,
      csrf: flow.session.csrf,
      client: flow.request.client,
      accounts,
      error,
    });
    return sendHtml(ctx.res, 401, page);
  }
  flow.session.accountId = account.account_id;
  redirect(ctx.res, 303, `/?${flow.request.query}`);
}

async function consent(ctx: Context): Promise<void> {
  const flow = await readFlowForm(ctx);
  if (!flow) return;
  const { request, session } = flow;
  const account = accounts.find((a) => a.account_id === session.accountId);
  if (!account) return redirect(ctx.res, 303, `/?${request.query}`);
  if (refusedPrivateApp(request, account)) return refuse(ctx, 303, privateAppRefusal(request));
  if (flow.form.decision === "deny") {
    // LiveChat does not redirect to the app when the user says no; a popup tells its opener, so
    // that accounts-sdk's promise rejects instead of waiting for a message that never comes.
    if (request.flow === "button") {
      return sendButtonResult(ctx, request, { error: { oauth_exception: "access_denied" } });
    }
    return sendHtml(ctx.res, 200, deniedPage(request.client, `/?${request.query}`));
  }
  if (flow.form.decision !== "allow")
    return sendHtml(ctx.res, 400, messagePage("Bad request", "Choose Allow or Deny."));
  const key = grantKey(account, request);
  ctx.store.grants.set(key, new Set([...(ctx.store.grants.get(key) ?? []), ...request.scopes]));
  issueCode(ctx, request, account, 303);
}

function ooops(ctx: Context): void {
  const params = ctx.url.searchParams;
  sendHtml(
    ctx.res,
    200,
    ooopsPage(params.get("oauth_exception") ?? "server_error", params.get("exception_details")),
  );
}

export const authorizeRoutes: Routes = {
  "GET /": authorize,
  "GET /ooops": ooops,
  "POST /signin": signIn,
  "POST /consent": consent,
};
