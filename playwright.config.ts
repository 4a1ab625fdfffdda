import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/lib/chromium";

// Run through `npm test` (or `npm test -- e2e`), which starts the emulator and the app servers
// these tests talk to and passes their URLs in TEST_* variables.
export default defineConfig({
  testDir: "tests/e2e",
  // The suites share one emulator and one database per app: one test at a time keeps them honest.
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      // CHROMIUM_PATH, Debian's Chromium (CI), or Playwright's own (scripts/lib/chromium.ts).
      executablePath: chromiumPath() ?? undefined,
      args: CHROMIUM_ARGS,
    },
  },
});
