import { defineConfig } from "@playwright/test";

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
      // Debian's Chromium; Playwright's own browser download is not reachable on these machines.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
