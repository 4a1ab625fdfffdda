import "@livechat/design-system-react-components/dist/design-system-react-components.css";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import { Toaster } from "@/components/toaster";
import { APP_DESCRIPTION, APP_NAME } from "@/lib/brand";
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

/** `?theme=` of this request (proxy.ts), else the one remembered from an earlier page. */
async function chosenTheme(): Promise<Theme | null> {
  const [requestHeaders, requestCookies] = await Promise.all([headers(), cookies()]);
  return (
    parseTheme(requestHeaders.get(THEME_HEADER)) ??
    parseTheme(requestCookies.get(THEME_COOKIE)?.value)
  );
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = await chosenTheme();
  return (
    // Without a chosen theme the head script sets the class before paint, hence the warning off.
    <html
      lang="en"
      className={theme ? themeClassName(theme) : undefined}
      data-theme={theme ?? "system"}
      suppressHydrationWarning
    >
      <head>{!theme && <script dangerouslySetInnerHTML={{ __html: SYSTEM_THEME_SCRIPT }} />}</head>
      <body>
        <Toaster>{children}</Toaster>
      </body>
    </html>
  );
}
