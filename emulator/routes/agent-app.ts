import type { Context } from "../context";
import { agentAppCsp, agentAppPage, type AgentAppView, type Theme } from "../agent-app/page";
import { browserModule } from "../agent-app/modules";
import { sendNotFound } from "../errors";
import { sendHtml } from "../http";

// The Agent App imitation: GET /agent-app[/fullscreen|/chats|/settings][?theme=light|dark] and the
// ES modules its page loads. A browser's page, not an API: never logged, never faulted.

const VIEWS: Record<string, AgentAppView> = {
  "/agent-app": "fullscreen",
  "/agent-app/fullscreen": "fullscreen",
  "/agent-app/chats": "chats",
  "/agent-app/settings": "settings",
};

export function isAgentAppPath(path: string): boolean {
  return path === "/agent-app" || path.startsWith("/agent-app/");
}

export function serveAgentApp(ctx: Context): void {
  const path = ctx.url.pathname;
  const view = VIEWS[path];
  if (view) {
    const theme: Theme = ctx.url.searchParams.get("theme") === "dark" ? "dark" : "light";
    const html = agentAppPage({ view, theme, widgetUrls: ctx.config.widgetUrls });
    return sendHtml(ctx.res, 200, html, agentAppCsp(ctx.config.widgetUrls));
  }
  const script = browserModule(path);
  if (!script) return sendNotFound(ctx.res, path);
  ctx.res.writeHead(200, {
    "Content-Type": "text/javascript; charset=utf-8",
    "Content-Length": Buffer.byteLength(script.source),
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
  });
  ctx.res.end(script.source);
}
