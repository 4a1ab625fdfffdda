// The security headers of every response proxy.ts sees (pages, widgets, API routes), as one pure
// function of what differs per request, so that the policy reads in one place.

/** Set by proxy.ts on the request: the response's script nonce, for the app's inline scripts. */
export const NONCE_HEADER = "x-nonce";

/** Two years, subdomains included, as hstspreload.org recommends (`preload` is left out). */
const HSTS = "max-age=63072000; includeSubDomains";

// Browser features the app never uses, off for its documents (and anything they might frame).
// Only names Chromium knows: it warns about any other (it does not know "bluetooth").
const UNUSED_FEATURES = [
  "accelerometer",
  "browsing-topics",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

export interface SecurityHeaderInput {
  /** A fresh random value per response (base64). */
  nonce: string;
  /** Origins allowed to frame the response; empty: nobody (X-Frame-Options too). */
  frameAncestors: readonly string[];
  /** Origins images may come from besides the app: LiveChat's avatar hosts (lib/data). */
  imageOrigins: readonly string[];
  /** LiveChat's accounts server: a form post to next-auth's sign-in is redirected there. */
  accountsOrigin: string;
  /** Served over https: tell the browser to never use http again. */
  https: boolean;
  development: boolean;
}

/**
 * Next's nonce pattern (docs: guides/content-security-policy): scripts run only with this
 * response's nonce, which Next puts on its own tags, and what they load ('strict-dynamic').
 * Style attributes are allowed (the Design System renders `style={...}`; a nonce cannot cover an
 * attribute), style elements need the nonce. `next dev` needs eval and inline style elements.
 */
export function contentSecurityPolicy(input: SecurityHeaderInput): string {
  const { nonce, development } = input;
  const directives: string[][] = [
    ["default-src", "'self'"],
    [
      "script-src",
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    ["style-src", "'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", ...input.imageOrigins],
    ["font-src", "'self'"],
    // The widgets talk to the Agent App by postMessage, which connect-src does not govern.
    ["connect-src", "'self'"],
    // The app's buttons sign in by fetch, but a form post to next-auth's sign-in (its own page,
    // a no-JavaScript form) is redirected to LiveChat, and Chromium applies form-action to that.
    ["form-action", "'self'", input.accountsOrigin],
    ["base-uri", "'none'"],
    ["object-src", "'none'"],
    ["frame-ancestors", ...(input.frameAncestors.length ? input.frameAncestors : ["'none'"])],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** Every security header of one response. */
export function securityHeaders(
  input: SecurityHeaderInput,
): { "Content-Security-Policy": string } & Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(input),
    ...(input.frameAncestors.length ? {} : { "X-Frame-Options": "DENY" }),
    ...(input.https ? { "Strict-Transport-Security": HSTS } : {}),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": UNUSED_FEATURES.map((feature) => `${feature}=()`).join(", "),
  };
}
