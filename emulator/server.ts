import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Context, EmulatorConfig, Routes, WidgetUrls } from "./context";
import { clients } from "./fixtures";
import { isWebApiPath, sendAccountsError, sendNotFound, sendWebError } from "./errors";
import { applyFault, takeFault } from "./faults";
import { BodyTooLargeError } from "./http";
import { assertValidWhitelistEntry } from "./redirect-uri";
import { logRequest } from "./request-log";
import { accountsRoutes } from "./routes/accounts";
import { isAgentAppPath, serveAgentApp } from "./routes/agent-app";
import { authorizeRoutes } from "./routes/authorize";
import { serveAvatar } from "./routes/avatars";
import { controlRoutes } from "./routes/control";
import { installationRoutes } from "./routes/installations";
import { tokenRoutes } from "./routes/token";
import { webApiRoutes } from "./routes/web-api";
import { createStore } from "./state";

export interface EmulatorOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  host?: string;
  codeTtlSeconds?: number;
  accessTokenTtlSeconds?: number;
  /** Default: refresh tokens never expire. */
  refreshTokenTtlSeconds?: number;
  /**
   * LiveChat's limit of 3 authorization redirects in 30 s per client and account. Default on;
   * off only for test suites that sign one account in many times in a row.
   */
  redirectLimit?: boolean;
  /** Added to every client's redirect URI whitelist. */
  extraRedirectUris?: string[];
  /** Default target of POST /_emulator/installations. */
  webhookUrl?: string;
  /** What the Agent App imitation (/agent-app) loads as the fullscreen widget. */
  widgetFullscreenUrl?: string;
  /** What it loads as the Details widget, next to a chat. */
  widgetDetailsUrl?: string;
  /** What it loads as the Settings widget. */
  widgetSettingsUrl?: string;
}

/** The widget URLs `npm run dev` serves (the app on localhost:3000). */
export const DEFAULT_WIDGET_URLS: WidgetUrls = {
  fullscreen: "http://localhost:3000/widgets/fullscreen",
  details: "http://localhost:3000/widgets/details",
  settings: "http://localhost:3000/widgets/settings",
};

function widgetUrl(name: string, value: string): string {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
    throw new Error(`${name} "${value}" must be an absolute http(s) URL`);
  return value;
}

export interface RunningEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

const routes: Routes = {
  ...authorizeRoutes,
  ...tokenRoutes,
  ...accountsRoutes,
  ...webApiRoutes,
  ...controlRoutes,
  ...installationRoutes,
};

async function handle(ctx: Context): Promise<void> {
  const method = ctx.req.method ?? "GET";
  const path = ctx.url.pathname;
  // Avatars and the Agent App are what a browser loads, not API calls: they stay out of the request log.
  if (method === "GET" && path.startsWith("/avatars/")) return serveAvatar(ctx);
  if (method === "GET" && isAgentAppPath(path)) return serveAgentApp(ctx);
  // Test controls are neither logged nor faultable: tests must always be able to reach them.
  if (!path.startsWith("/_emulator/")) {
    const region = ctx.req.headers["x-region"];
    logRequest(ctx.store, method, path, typeof region === "string" ? region : undefined);
    const fault = takeFault(ctx.store, method, path);
    if (fault && (await applyFault(ctx, fault))) return;
  }
  const handler = routes[`${method} ${path}`];
  if (handler) await handler(ctx);
  else sendNotFound(ctx.res, path);
}

/**
 * Starts the LiveChat emulator: accounts server and REST APIs on one base URL.
 * State lives in memory; every start begins from the seeded fixtures.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const extraRedirectUris = options.extraRedirectUris ?? [];
  extraRedirectUris.forEach(assertValidWhitelistEntry);
  const config: EmulatorConfig = {
    codeTtlMs: (options.codeTtlSeconds ?? 600) * 1000,
    accessTokenTtlMs: (options.accessTokenTtlSeconds ?? 28_800) * 1000,
    refreshTokenTtlMs:
      options.refreshTokenTtlSeconds === undefined ? null : options.refreshTokenTtlSeconds * 1000,
    redirectLimit: options.redirectLimit ?? true,
    clients: clients.map((c) => ({
      ...c,
      redirect_uris: [...c.redirect_uris, ...extraRedirectUris],
    })),
    webhookUrl: options.webhookUrl,
    widgetUrls: {
      fullscreen: widgetUrl(
        "widgetFullscreenUrl",
        options.widgetFullscreenUrl ?? DEFAULT_WIDGET_URLS.fullscreen,
      ),
      details: widgetUrl(
        "widgetDetailsUrl",
        options.widgetDetailsUrl ?? DEFAULT_WIDGET_URLS.details,
      ),
      settings: widgetUrl(
        "widgetSettingsUrl",
        options.widgetSettingsUrl ?? DEFAULT_WIDGET_URLS.settings,
      ),
    },
  };
  const store = createStore();
  const lifetime = new AbortController();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const ctx: Context = { req, res, url, store, config, signal: lifetime.signal };
    handle(ctx).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      const web = isWebApiPath(url.pathname);
      if (error instanceof BodyTooLargeError) {
        return web
          ? sendWebError(res, "validation", error.message)
          : sendAccountsError(res, 413, "invalid_request", error.message);
      }
      console.error("[emulator]", error);
      const message = "The emulator failed; see its console";
      if (web) sendWebError(res, "internal", message);
      else sendAccountsError(res, 500, "server_error", message);
    });
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        lifetime.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        // Hanging faults and keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
