import { chromium } from "@playwright/test";
import { resetDatabase } from "./lib/app-database";
import { CHROMIUM_ARGS, chromiumPath, INSTALL_HINT } from "./lib/chromium";
import { stopAll, stopAllOnSignals } from "./lib/processes";
import { captureScreenshots } from "./lib/screenshots";
import { buildApp, startStack } from "./lib/stack";
import { stack } from "./lib/stack-env";

// `npm run screenshots`: a production build against the emulator (the test stack,
// scripts/lib/stack.ts), and the Marketplace listing's PNGs of the dashboard and the three
// widgets, light and dark, each under 1 MB, into docs/screenshots/ (the README shows one).

const SCREENSHOTS_DIR = "docs/screenshots";

async function main() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(INSTALL_HINT);
  stopAllOnSignals(1);
  buildApp("production");
  Object.assign(process.env, await startStack());
  await resetDatabase(stack.databaseUrl);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const files = await captureScreenshots(
      browser,
      { app: stack.appUrl, agentApp: `${stack.emulatorUrl}/agent-app` },
      SCREENSHOTS_DIR,
    );
    console.log(`Wrote ${files.length} screenshots:\n${files.map((f) => `  ${f}`).join("\n")}`);
  } finally {
    await browser.close();
  }
}

main()
  .catch((error: unknown) => {
    console.error(`npm run screenshots: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  })
  .finally(stopAll);
