import type { Context, Routes } from "../context";
import { accounts, organizations } from "../fixtures";
import { checkAuthorizeRequest, ooopsLocation, type AuthorizeRequest } from "../authorize-request";
import { readParams, redirect, sendHtml } from "../http";
import { consentPage, deniedPage, messagePage, ooopsPage, signInPage } from "../pages";
import { randomToken, safeEqual } from "../secrets";
import { ensureSession, getSession } from "../session";
import type { Session } from "../state";
import type { Account } from "../types";

// The accounts server's browser flow: authorize, sign in, consent, and the /ooops error page.

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

function redirectWithCode(
  ctx: Context,
  request: AuthorizeRequest,
  account: Account,
  status: 302 | 303,
): void {
  const code = `${organizationOf(account).region}:${randomToken(24)}`;
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
  const target = new URL(request.redirectUri);
  target.searchParams.set("code", code);
  if (request.state !== null) target.searchParams.set("state", request.state);
  redirect(ctx.res, status, target.toString());
}

function continueAuthorization(ctx: Context, request: AuthorizeRequest, session: Session): void {
  const account = accounts.find((a) => a.account_id === session.accountId);
  const form = { query: request.query, csrf: session.csrf, client: request.client };
  if (!account) return sendHtml(ctx.res, 200, signInPage({ ...form, accounts }));
  if (refusedPrivateApp(request, account)) {
    return redirect(
      ctx.res,
      302,
      ooopsLocation("unauthorized_client", "private_app_other_organization"),
    );
  }
  if (needsConsent(ctx, request, account)) {
    const organization = organizationOf(account);
    return sendHtml(
      ctx.res,
      200,
      consentPage({ ...form, account, organization, scopes: request.scopes }),
    );
  }
  redirectWithCode(ctx, request, account, 302);
}

function authorize(ctx: Context): void {
  const check = checkAuthorizeRequest(ctx.url.searchParams, ctx.config.clients);
  if (!check.ok) return redirect(ctx.res, 302, ooopsLocation(check.exception, check.details));
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
    redirect(ctx.res, 303, ooopsLocation(check.exception, check.details));
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
  if (refusedPrivateApp(request, account)) {
    return redirect(
      ctx.res,
      303,
      ooopsLocation("unauthorized_client", "private_app_other_organization"),
    );
  }
  if (flow.form.decision === "deny") {
    // LiveChat does not redirect to the app when the user says no.
    return sendHtml(ctx.res, 200, deniedPage(request.client, `/?${request.query}`));
  }
  if (flow.form.decision !== "allow")
    return sendHtml(ctx.res, 400, messagePage("Bad request", "Choose Allow or Deny."));
  const key = grantKey(account, request);
  ctx.store.grants.set(key, new Set([...(ctx.store.grants.get(key) ?? []), ...request.scopes]));
  redirectWithCode(ctx, request, account, 303);
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
