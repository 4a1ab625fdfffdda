// The Agent App imitation in the browser: the parent side of the handshake that
// @livechat/agent-app-sdk's default ("trusted") connection makes (widget-core-sdk's
// connection/driver.ts: connectToParent({ handle })). Served as an ES module by modules.ts.
import { createIframe } from "@livechat/postmessage/es5";

const config = JSON.parse(document.getElementById("agent-app-config").textContent);
const VIEW_PLACEMENT = { fullscreen: "fullscreen", chats: "details", settings: "settings" };
let theme = config.theme;
let chat = config.chats[0];
/** placement -> { child: Promise of the widget's API, inited: plugin_inited received } */
const widgets = {};

function log(placement, message, data) {
  const item = document.createElement("li");
  item.dataset.message = message;
  item.dataset.widget = placement;
  item.textContent = `${placement}: ${message}${data == null ? "" : ` ${JSON.stringify(data)}`}`;
  document.getElementById("widget-messages").append(item);
}

/** Sends `livechat:<name>` to a widget that said plugin_inited; others hear nothing yet. */
function send(placement, name, data) {
  const widget = widgets[placement];
  if (!widget?.inited) return;
  widget.child
    .then((child) => child.call("handle", { event_name: `livechat:${name}`, event_data: data }))
    .catch((error) => log(placement, "send_failed", { event: name, error: String(error) }));
}

function showBadge(count) {
  const badge = document.getElementById("fullscreen-badge");
  badge.hidden = !count;
  badge.textContent = count ? String(count) : "";
}

function showToast(toast) {
  const element = document.createElement("div");
  element.className = "toast";
  element.dataset.kind = toast?.kind === "error" ? "error" : "success";
  element.setAttribute("role", toast?.kind === "error" ? "alert" : "status");
  element.textContent = String(toast?.content ?? "");
  document.getElementById("toasts").append(element);
  setTimeout(() => element.remove(), 6000);
}

function afterInit(placement) {
  if (placement === "details") send("details", "customer_profile", chat.customer);
  else send(placement, "page_data", { queryParams: {} });
}

/** The widget's messages: `{ plugin_id, message, data }` (widget-core-sdk's Connection.sendMessage). */
function handle(placement, { message, data }) {
  log(placement, message, data);
  if (message === "plugin_inited") {
    widgets[placement].inited = true;
    // After this call has answered, so the widget's create*Widget() promise has resolved and its
    // listeners are on when the first event arrives.
    setTimeout(() => afterInit(placement), 0);
  } else if (message === "set_fullscreen_widget_notification_badge") showBadge(data);
  else if (message === "set_toast") showToast(data);
}

function frameUrl(placement) {
  const url = new URL(config.widgets[placement].url);
  url.searchParams.set("plugin_id", config.widgets[placement].pluginId);
  url.searchParams.set("theme", theme);
  return url.toString();
}

function load(placement) {
  if (widgets[placement]) return;
  const { frame, promise } = createIframe(
    { container: document.getElementById(`widget-${placement}`), url: frameUrl(placement) },
    { handle: (message) => handle(placement, message) },
  );
  frame.id = `frame-${placement}`;
  frame.title = `Your app (${placement} widget)`;
  frame.dataset.widget = placement;
  widgets[placement] = { child: promise, inited: false };
  promise.catch((error) => log(placement, "handshake_failed", String(error)));
}

function show(view) {
  for (const panel of document.querySelectorAll("[data-view-panel]")) {
    panel.hidden = panel.dataset.viewPanel !== view;
  }
  for (const link of document.querySelectorAll("nav a[data-view]")) {
    if (link.dataset.view === view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  // Like the Agent App, a widget once opened stays loaded (hidden) while the agent looks elsewhere.
  load(VIEW_PLACEMENT[view]);
}

function viewOf(pathname) {
  const view = pathname.split("/")[2] ?? "";
  return view in VIEW_PLACEMENT ? view : "fullscreen";
}

for (const link of document.querySelectorAll("nav a[data-view]")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    history.pushState(null, "", `${link.getAttribute("href")}${location.search}`);
    show(link.dataset.view);
  });
}
window.addEventListener("popstate", () => show(viewOf(location.pathname)));

document.getElementById("theme-switch").addEventListener("change", (event) => {
  theme = event.target.value;
  document.documentElement.dataset.theme = theme;
  const url = new URL(location.href);
  url.searchParams.set("theme", theme);
  history.replaceState(null, "", url);
  for (const placement of Object.keys(widgets)) send(placement, "change_theme", { theme });
});

for (const button of document.querySelectorAll("[data-chat-id]")) {
  button.addEventListener("click", () => {
    chat = config.chats.find((c) => c.customer.chat.id === button.dataset.chatId) ?? chat;
    for (const other of document.querySelectorAll("[data-chat-id]")) {
      other.setAttribute("aria-pressed", String(other === button));
    }
    document.getElementById("chat-customer").textContent = chat.customer.name;
    document.getElementById("chat-last-message").textContent = chat.lastMessage;
    send("details", "customer_profile", chat.customer);
  });
}

show(config.view);
