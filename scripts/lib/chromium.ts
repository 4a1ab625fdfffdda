import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

// Which Chromium the e2e suite and `npm run screenshots` drive: CHROMIUM_PATH, else Debian's
// (what CI installs), else Playwright's own if `npx playwright install chromium` was run.

const DEBIAN_CHROMIUM = "/usr/bin/chromium";
export const INSTALL_HINT =
  "no Chromium found: install one with `npx playwright install chromium` (or apt-get install chromium, or set CHROMIUM_PATH)";

/** The executable to launch, or null when there is none on this machine. */
export function chromiumPath(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  try {
    const own = chromium.executablePath();
    return existsSync(own) ? own : null;
  } catch {
    return null;
  }
}

/** Launch flags for a headless Chromium in a container (no sandbox, GPU or background traffic). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
