import type { WidgetPlacement, WidgetUrls } from "../context";
import { agentAppChats, pluginIds } from "../fixtures";

// The Agent App imitation's one HTML page. Everything dynamic happens in browser.js, which reads
// the configuration below from a JSON script element (never executed, so the CSP stays strict).

export type Theme = "light" | "dark";

export type AgentAppView = "fullscreen" | "chats" | "settings";

/** Which widget each view shows. */
export const VIEW_PLACEMENT: Record<AgentAppView, WidgetPlacement> = {
  fullscreen: "fullscreen",
  chats: "details",
  settings: "settings",
};

const e = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Inside <script>, "<" could close the element early: JSON allows \u003c instead.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/** The page's CSP: its own scripts only, the widgets' origins as the only frames, framed by nobody. */
export function agentAppCsp(widgetUrls: WidgetUrls): string {
  const frames = [...new Set(Object.values(widgetUrls).map((url) => new URL(url).origin))];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `frame-src ${frames.join(" ")}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const STYLE = `
:root{--bg:#f3f4f6;--panel:#fff;--text:#1b1f24;--muted:#5f6b7a;--line:#dde1e6;--accent:#2a5bd7;--nav:#111827;--navtext:#e5e7eb}
[data-theme=dark]{--bg:#15171c;--panel:#1f232b;--text:#e8eaed;--muted:#9aa3ae;--line:#343a44;--accent:#6c95ff;--nav:#0b0d10;--navtext:#cfd4da}
*{box-sizing:border-box} [hidden]{display:none!important} body{margin:0;font-family:system-ui,sans-serif;background:var(--bg);color:var(--text);height:100vh;display:grid;grid-template-rows:auto 1fr}
header{display:flex;gap:1rem;align-items:center;padding:.5rem 1rem;background:var(--nav);color:var(--navtext)} header .note{font-size:.85rem;opacity:.8;flex:1}
select{font:inherit}
.shell{display:grid;grid-template-columns:12rem 1fr 18rem;min-height:0}
nav{background:var(--nav);display:flex;flex-direction:column;padding:.5rem;gap:.25rem}
nav a{color:var(--navtext);text-decoration:none;padding:.5rem .75rem;border-radius:6px;display:flex;justify-content:space-between;align-items:center}
nav a[aria-current=page]{background:var(--accent);color:#fff}
.badge{background:#d92d20;color:#fff;border-radius:999px;font-size:.75rem;padding:0 .45rem;min-width:1.25rem;text-align:center}
main{min-width:0;min-height:0;display:flex} main>section{flex:1;display:flex;min-width:0}
.widget-slot{flex:1;display:flex;min-width:0} .widget-slot iframe{border:0;flex:1;width:100%;height:100%;background:var(--panel)}
.chats{flex:1;display:grid;grid-template-columns:14rem 1fr 300px;min-width:0}
.chat-list{list-style:none;margin:0;padding:0;border-right:1px solid var(--line);background:var(--panel)}
.chat-list button{all:unset;cursor:pointer;display:block;width:100%;box-sizing:border-box;padding:.75rem;border-bottom:1px solid var(--line)}
.chat-list button[aria-pressed=true]{background:var(--bg);font-weight:600} .chat-list small{display:block;color:var(--muted);font-weight:400}
.transcript{padding:1rem;min-width:0} .bubble{background:var(--panel);border:1px solid var(--line);border-radius:12px;padding:.6rem .8rem;max-width:30rem}
.details{width:300px;border-left:1px solid var(--line);display:flex;flex-direction:column;background:var(--panel)}
.details h2,.settings h2{font-size:.9rem;margin:0;padding:.6rem .75rem;border-bottom:1px solid var(--line)}
.settings{flex:1;display:grid;grid-template-columns:14rem 1fr} .settings-main{display:flex;flex-direction:column;min-width:0} .settings ul{margin:0;padding:.5rem 1rem;border-right:1px solid var(--line);background:var(--panel)}
.log{border-left:1px solid var(--line);overflow:auto;padding:.5rem;font-size:.8rem;background:var(--panel)}
.log h2{font-size:.9rem} .log ul{padding-left:1rem;margin:0} .log li{word-break:break-all;margin-bottom:.3rem}
#toasts{position:fixed;right:1rem;bottom:1rem;display:flex;flex-direction:column;gap:.5rem}
.toast{padding:.6rem 1rem;border-radius:8px;color:#fff;background:#067647;box-shadow:0 2px 10px #0004} .toast[data-kind=error]{background:#b42318}
`;

interface PageInput {
  view: AgentAppView;
  theme: Theme;
  widgetUrls: WidgetUrls;
}

const panel = (view: AgentAppView, current: AgentAppView, body: string) =>
  `<section data-view-panel="${view}"${view === current ? "" : " hidden"}>${body}</section>`;

const slot = (placement: WidgetPlacement) =>
  `<div class="widget-slot" id="widget-${placement}"></div>`;

function chatsBody(): string {
  const list = agentAppChats
    .map(
      ({ customer, lastMessage }, i) =>
        `<li><button type="button" data-chat-id="${e(customer.chat.id)}" aria-pressed="${i === 0}">${e(customer.name)}<small>${e(lastMessage)}</small></button></li>`,
    )
    .join("");
  const first = agentAppChats[0];
  return `<div class="chats"><ul class="chat-list" aria-label="Chats">${list}</ul>
<div class="transcript"><h1 id="chat-customer">${e(first?.customer.name ?? "")}</h1><p class="bubble" id="chat-last-message">${e(first?.lastMessage ?? "")}</p></div>
<aside class="details" aria-label="Details"><h2>Details</h2>${slot("details")}</aside></div>`;
}

/** The Agent App page, opened on `view`, in `theme`. */
export function agentAppPage({ view, theme, widgetUrls }: PageInput): string {
  const config = {
    view,
    theme,
    widgets: Object.fromEntries(
      (Object.keys(widgetUrls) as WidgetPlacement[]).map((placement) => [
        placement,
        { url: widgetUrls[placement], pluginId: pluginIds[placement] },
      ]),
    ),
    chats: agentAppChats,
  };
  const link = (target: AgentAppView, label: string, extra = "") =>
    `<a href="/agent-app/${target}" data-view="${target}"${target === view ? ' aria-current="page"' : ""}>${label}${extra}</a>`;
  const option = (value: Theme, label: string) =>
    `<option value="${value}"${value === theme ? " selected" : ""}>${label}</option>`;
  return `<!doctype html>
<html lang="en" data-theme="${theme}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Agent App - LiveChat emulator</title>
<style>${STYLE}</style>
<script type="module" src="/agent-app/agent-app.js"></script>
</head><body>
<header><strong>LiveChat</strong><span class="note">Agent App, imitated by the LiveChat emulator: your widgets, third-party frames</span>
<label>Theme <select id="theme-switch">${option("light", "Light")}${option("dark", "Dark")}</select></label></header>
<div class="shell">
<nav aria-label="Main menu">${link("fullscreen", "Your app", '<span class="badge" id="fullscreen-badge" hidden></span>')}${link("chats", "Chats")}${link("settings", "Settings")}</nav>
<main>
${panel("fullscreen", view, slot("fullscreen"))}
${panel("chats", view, chatsBody())}
${panel("settings", view, `<div class="settings"><ul aria-label="Settings"><li>Apps</li><li><strong>Your app</strong></li></ul><div class="settings-main"><h2>Your app</h2>${slot("settings")}</div></div>`)}
</main>
<aside class="log" aria-label="Messages from widgets"><h2>Messages from widgets</h2><ul id="widget-messages"></ul></aside>
</div>
<div id="toasts" aria-live="polite"></div>
<script type="application/json" id="agent-app-config">${scriptJson(config)}</script>
</body></html>`;
}
