import "@livechat/design-system-react-components/dist/design-system-react-components.css";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import { Toaster } from "@/components/toaster";
import { APP_DESCRIPTION, APP_NAME } from "@/lib/brand";
import { NONCE_HEADER } from "@/lib/security-headers";
import {
  parseTheme,
  SYSTEM_THEME_SCRIPT,
  THEME_COOKIE,
  THEME_HEADER,
  themeClassName,
  type Theme,
} from "@/lib/theme";

export const metadata: Metadata = {
  title: { default: APP_NAME, template: `%s · ${APP_NAME}` },
  description: APP_DESCRIPTION,
  applicationName: APP_NAME,
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * `?theme=` of this request (proxy.ts), else the one remembered from an earlier page; and the
 * request's script nonce (proxy.ts), without which the CSP blocks an inline script.
 */
async function themeAndNonce(): Promise<{ theme: Theme | null; nonce: string | undefined }> {
  const [requestHeaders, requestCookies] = await Promise.all([headers(), cookies()]);
  const theme =
    parseTheme(requestHeaders.get(THEME_HEADER)) ??
    parseTheme(requestCookies.get(THEME_COOKIE)?.value);
  return { theme, nonce: requestHeaders.get(NONCE_HEADER) ?? undefined };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { theme, nonce } = await themeAndNonce();
  return (
    // Without a chosen theme the head script sets the class before paint, hence the warning off.
    <html
      lang="en"
      className={theme ? themeClassName(theme) : undefined}
      data-theme={theme ?? "system"}
      suppressHydrationWarning
    >
      <head>
        {!theme && (
          <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SYSTEM_THEME_SCRIPT }} />
        )}
      </head>
      <body>
        <Toaster>{children}</Toaster>
      </body>
    </html>
  );
}
