import { organizations } from "./fixtures";
import type { Account, Client, Organization } from "./types";

// Server-rendered HTML of the accounts server. No scripts: every action is a plain form POST.

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const e = escapeHtml;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} - LiveChat emulator</title>
<style>
body{font-family:system-ui,sans-serif;background:#f4f5f7;color:#1b1f24;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border-radius:12px;box-shadow:0 2px 12px #0002;padding:2rem;width:min(28rem,90vw)}
h1{font-size:1.4rem;margin-top:0} .note{color:#555;font-size:.9rem} .error{color:#b00020;font-weight:600}
label{display:block;font-weight:600;margin-bottom:.3rem} input{width:100%;box-sizing:border-box;padding:.5rem;margin-bottom:.8rem}
button{padding:.5rem 1rem;border-radius:6px;border:1px solid #2a5bd7;background:#2a5bd7;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#2a5bd7} ul{padding-left:1.2rem} .accounts form{margin:.4rem 0}
</style></head>
<body><main><p class="note">LiveChat emulator (local imitation of accounts.livechat.com)</p>
<h1>${e(title)}</h1>
${body}
</main></body></html>`;
}

const hidden = (name: string, value: string) =>
  `<input type="hidden" name="${e(name)}" value="${e(value)}">`;

const organizationName = (account: Account) =>
  organizations.find((o) => o.organization_id === account.organization_id)?.name ?? "";

interface FlowForm {
  query: string;
  csrf: string;
}

export function signInPage(
  form: FlowForm & { client: Client; accounts: readonly Account[]; error?: string },
): string {
  const state = hidden("authorize_query", form.query) + hidden("csrf", form.csrf);
  const picks = form.accounts
    .map(
      (a) => `<form method="post" action="/signin">${state}${hidden("email", a.email)}
<button type="submit" class="secondary">Continue as ${e(a.email)}</button>
<span class="note">${e(a.name)}, ${e(a.role)} at ${e(organizationName(a))}</span></form>`,
    )
    .join("\n");
  return layout(
    "Sign in to LiveChat",
    `<p><strong>${e(form.client.name)}</strong> wants you to sign in.</p>
${form.error ? `<p class="error" role="alert">${e(form.error)}</p>` : ""}
<form method="post" action="/signin">${state}
<label for="email">Email</label><input id="email" name="email" type="text" inputmode="email" autocomplete="email" required>
<button type="submit">Sign in</button></form>
<h2>Seeded accounts</h2><div class="accounts">${picks}</div>`,
  );
}

const SCOPE_TEXT: Record<string, string> = {
  "accounts--my:ro": "See your account: name, email and organization",
  "agents--all:ro": "See all agents of your organization",
  "agents--my:rw": "See and change your own agent profile",
  "chats--all:ro": "Read all chats",
  "groups--all:ro": "See all groups of your organization",
};

export function consentPage(
  form: FlowForm & {
    client: Client;
    account: Account;
    organization: Organization;
    scopes: string[];
  },
): string {
  const scopes = form.scopes
    .map((s) => `<li>${e(SCOPE_TEXT[s] ?? s)} <code>${e(s)}</code></li>`)
    .join("");
  return layout(
    `Allow ${form.client.name}?`,
    `<p><strong>${e(form.client.name)}</strong> asks for access to your LiveChat account
<strong>${e(form.account.email)}</strong> in <strong>${e(form.organization.name)}</strong>. It will be able to:</p>
<ul>${scopes}</ul>
<form method="post" action="/consent">${hidden("authorize_query", form.query)}${hidden("csrf", form.csrf)}
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button></form>`,
  );
}

const EXCEPTION_TEXT: Record<string, string> = {
  client_id_not_found: "No app has this client_id. Check the Client Id in the app's configuration.",
  redirect_uri_not_set: "The request has no redirect_uri.",
  invalid_redirect_uri: "The redirect_uri is not on the app's redirect URI whitelist.",
  response_type_not_set:
    "The request has no response_type; this server supports response_type=code.",
  invalid_code_challenge:
    "code_challenge must be 43-128 characters and code_challenge_method S256 or plain.",
  code_challenge_required: "JavaScript apps have no secret and must use PKCE (code_challenge).",
  private_app_other_organization:
    "This private app can only be used by the organization that created it.",
  unsupported_response_type: "Only response_type=code is supported.",
  invalid_scope: "The scope parameter asks for a scope the app was not configured with.",
  too_many_redirects:
    "The app sent you to LiveChat too many times in a row (LiveChat allows 3 sign-ins per app and account in 30 seconds). Wait half a minute, then start again from the app.",
};

export function ooopsPage(exception: string, details: string | null): string {
  const reason =
    EXCEPTION_TEXT[details ?? ""] ??
    EXCEPTION_TEXT[exception] ??
    "The authorization request is invalid.";
  return layout(
    "Ooops, something went wrong",
    `<p class="error" role="alert">${e(reason)}</p>
<p class="note">oauth_exception: <code>${e(exception)}</code>${details ? `, exception_details: <code>${e(details)}</code>` : ""}</p>
<p>LiveChat does not send you back to the app after an error like this one.</p>`,
  );
}

export function deniedPage(client: Client, retryHref: string): string {
  return layout(
    "Access denied",
    `<p>You did not allow <strong>${e(client.name)}</strong> to access your LiveChat account.</p>
<p>LiveChat does not send you back to the app: you can close this page, or <a href="${e(retryHref)}">review the request again</a>.</p>`,
  );
}

export function messagePage(title: string, text: string): string {
  return layout(title, `<p class="error" role="alert">${e(text)}</p>`);
}

/**
 * What accounts-sdk's popup listener accepts (`src/helpers/listener.js`): a message from the
 * accounts server's origin with `data` (the redirect's parameters) or `error`.
 */
export type ButtonResult =
  | { data: { code: string; state?: string } }
  | { error: { oauth_exception: string; exception_details?: string } };

// Inside <script>, "<" would let a hostile `state` close the element: JSON allows \u003c instead.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/**
 * The last page of the `flow=button` (popup) flow: instead of redirecting, it posts the result to
 * the window that opened it and closes itself. `targetOrigin` is the origin of the whitelisted
 * redirect URI, never `*`: the code must reach only the app that asked for it.
 */
export function buttonResultPage(
  result: ButtonResult,
  targetOrigin: string,
  nonce: string,
): string {
  const summary =
    "data" in result
      ? "Signed in. Returning to the app..."
      : `The sign-in did not complete (${result.error.oauth_exception}). Returning to the app...`;
  return layout(
    "data" in result ? "Signed in" : "Sign-in failed",
    `<p id="popup-result">${e(summary)}</p>
<p id="no-opener" class="error" role="alert" hidden>This page was not opened by the app as a popup, so
it cannot hand the result back. Close this window and sign in from the app again.</p>
<script type="application/json" id="popup-message">${scriptJson({ targetOrigin, message: result })}</script>
<script nonce="${e(nonce)}">
(function () {
  var payload = JSON.parse(document.getElementById("popup-message").textContent);
  if (!window.opener) {
    document.getElementById("no-opener").hidden = false;
    return;
  }
  window.opener.postMessage(payload.message, payload.targetOrigin);
  window.close();
})();
</script>`,
  );
}
