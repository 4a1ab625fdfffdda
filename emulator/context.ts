import type { IncomingMessage, ServerResponse } from "node:http";
import type { Client } from "./types";
import type { Store } from "./state";

/** Settings fixed when the emulator starts; main.ts derives them from the environment. */
export interface EmulatorConfig {
  codeTtlMs: number;
  accessTokenTtlMs: number;
  /** Null (the default): refresh tokens never expire, as far as LiveChat's docs say. */
  refreshTokenTtlMs: number | null;
  /** LiveChat's 3 redirects in 30 s per client and account; off only for suites that need it. */
  redirectLimit: boolean;
  /** The seeded clients, each whitelist extended with the configured extra redirect URIs. */
  clients: Client[];
  webhookUrl: string | undefined;
  /** What the Agent App imitation loads in each placement (before it adds its query parameters). */
  widgetUrls: WidgetUrls;
}

export type WidgetPlacement = "fullscreen" | "details" | "settings";

export type WidgetUrls = Record<WidgetPlacement, string>;

export interface Context {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  store: Store;
  config: EmulatorConfig;
  /** Aborted when the emulator closes, so delayed answers stop waiting. */
  signal: AbortSignal;
}

export type Handler = (ctx: Context) => void | Promise<void>;

/** Route table keyed by `"METHOD /path"`. */
export type Routes = Record<string, Handler>;
