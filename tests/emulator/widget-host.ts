import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";

// A throwaway "app" for the Agent App tests, on its own port: widget pages that use the real
// @livechat/agent-app-sdk (its self-contained UMD build, so nothing here shares the emulator's
// module serving), and a page that signs in through a flow=button popup as accounts-sdk does.

const SDK = readFileSync(
  createRequire(import.meta.url).resolve("@livechat/agent-app-sdk/dist/agentapp.umd.min.js"),
  "utf8",
);

// Records what the widget's SDK saw in window.__events; the fullscreen widget also sets a badge
// and a toast, as an app would.
const WIDGET = `
var placement = location.pathname.split("/").pop();
var create = {
  fullscreen: LiveChat.createFullscreenWidget,
  details: LiveChat.createDetailsWidget,
  settings: LiveChat.createSettingsWidget,
}[placement];
window.__events = [];
function record(name, data) { window.__events.push({ name: name, data: data }); }
create().then(function (widget) {
  window.__widget = widget;
  record("ready", { theme: widget.getTheme() });
  widget.on("customer_profile", function (p) { record("customer_profile", p); });
  widget.on("page_data", function (d) { record("page_data", d); });
  widget.on("change_theme", function (d) {
    record("change_theme", { theme: d.theme, getTheme: widget.getTheme() });
  });
  if (placement === "fullscreen") {
    widget.setNotificationBadge(3);
    widget.setToast({ kind: "success", content: "Saved by the widget" });
  }
}, function (error) { record("failed", String(error)); });
`;

// Listens the way accounts-sdk's src/helpers/listener.js does: only the accounts server's origin,
// only messages with data or error.
const OPENER = (authorizeUrl: string, accountsOrigin: string) => `<!doctype html>
<html><body><button id="sign-in">Sign in with LiveChat</button>
<script>
window.__messages = [];
window.addEventListener("message", function (event) {
  if (event.origin !== ${JSON.stringify(accountsOrigin)}) return;
  if (!event.data || (!event.data.data && !event.data.error)) return;
  window.__messages.push({ origin: event.origin, data: event.data });
});
document.getElementById("sign-in").addEventListener("click", function () {
  window.open(${JSON.stringify(authorizeUrl)}, "livechat-login-popup", "width=500,height=650");
});
</script></body></html>`;

export interface WidgetHost {
  /** `http://localhost:PORT`: a different site from the emulator's 127.0.0.1. */
  origin: string;
  port: number;
  close(): Promise<void>;
}

/** Serves /widgets/{fullscreen,details,settings} and /opener?authorize=URL&accounts=ORIGIN. */
export async function startWidgetHost(): Promise<WidgetHost> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const send = (type: string, body: string) => {
      res.writeHead(200, { "Content-Type": `${type}; charset=utf-8`, "Cache-Control": "no-store" });
      res.end(body);
    };
    if (url.pathname === "/sdk.js") return send("text/javascript", SDK);
    if (url.pathname === "/widget.js") return send("text/javascript", WIDGET);
    if (/^\/widgets\/(fullscreen|details|settings)$/.test(url.pathname)) {
      return send(
        "text/html",
        '<!doctype html><html><body><p>widget</p><script src="/sdk.js"></script><script src="/widget.js"></script></body></html>',
      );
    }
    if (url.pathname === "/opener") {
      const authorize = url.searchParams.get("authorize") ?? "";
      return send("text/html", OPENER(authorize, url.searchParams.get("accounts") ?? ""));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
