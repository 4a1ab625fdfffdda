// What to enter in LiveChat's Developer Console for an app served at `appUrl`: the README's
// "Configure a real LiveChat app" and "Agent App widgets" steps, filled in.

export interface ConsoleEntries {
  redirectUris: string[];
  scopes: string[];
  directInstallationUrl: string | null;
  webhookUrl: string;
  widgets: { placement: string; sourceUrl: string }[];
}

export function consoleEntries(init: {
  appUrl: string;
  type: "public" | "private";
  scopes: string[];
  webhookSecret: string;
}): ConsoleEntries {
  const at = (path: string) => `${init.appUrl}${path}`;
  return {
    // Exact URLs rather than the whole origin: nothing else on the host can receive a code.
    redirectUris: [
      at("/api/auth/callback/livechat"),
      ...(init.type === "public" ? [at("/install")] : []),
      at("/widgets/sign-in"),
    ],
    scopes: init.scopes,
    directInstallationUrl: init.type === "public" ? at("/install") : null,
    webhookUrl: at(`/api/livechat/webhooks?secret=${encodeURIComponent(init.webhookSecret)}`),
    widgets: [
      { placement: "Fullscreen", sourceUrl: at("/widgets/fullscreen") },
      { placement: "Chat details", sourceUrl: at("/widgets/details") },
      { placement: "App settings", sourceUrl: at("/widgets/settings") },
    ],
  };
}

/** The entries as the lines the setup prints. */
export function describeConsoleEntries(entries: ConsoleEntries): string[] {
  return [
    "In the Developer Console (https://platform.text.com/console), your app:",
    "  Authorization > Redirect URI whitelist:",
    ...entries.redirectUris.map((uri) => `    ${uri}`),
    `  Authorization > Access scopes: ${entries.scopes.join(", ")}`,
    ...(entries.directInstallationUrl
      ? [`  Authorization > Direct installation URL: ${entries.directInstallationUrl}`]
      : ["  Private installation tab: install it in your organization"]),
    "  App webhooks (events: application installed, application uninstalled):",
    `    ${entries.webhookUrl}`,
    "  Agent App Widgets:",
    ...entries.widgets.map((w) => `    ${w.placement.padEnd(13)} ${w.sourceUrl}`),
  ];
}
