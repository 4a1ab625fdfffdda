import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Browser, FrameLocator, Page } from "@playwright/test";

// The Marketplace listing's screenshots (`npm run screenshots`, scripts/screenshots.ts): the
// dashboard and the three Agent App widgets inside the emulator's Agent App, light and dark.
// LiveChat's app review page (livechat-public-docs src/pages/monetization/app-review-process/
// index.mdx) asks for 3-5 screenshots, each at most 1 MB, and names no pixel size: 1280 x 800.

export const SCREENSHOT_SIZE = { width: 1280, height: 800 };
export const MAX_SCREENSHOT_BYTES = 1_000_000;
const EMAIL = "alice@acme.test";
const THEMES = ["light", "dark"] as const;

/** Signs in at the emulator's pages (consent when asked) on `page`, a tab or the widget's popup. */
async function signInAtEmulator(page: Page) {
  await page.getByLabel("Email").fill(EMAIL);
  const emulator = new URL(page.url()).origin;
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // The consent page, or none: the tab goes back to the app, the popup posts and closes.
  const allow = page.getByRole("button", { name: "Allow" });
  const done = page
    .waitForURL((url) => url.origin !== emulator)
    .then(
      () => "done",
      () => "done",
    );
  const next = await Promise.race([
    allow.waitFor().then(
      () => "consent",
      () => "done",
    ),
    done,
  ]);
  if (next === "consent") await allow.click();
}

/** Waits until React has hydrated the element (a click before it does nothing). */
async function hydrated(locator: ReturnType<FrameLocator["getByRole"]>) {
  await locator.waitFor();
  for (let tries = 0; tries < 100; tries++) {
    const ready = await locator.evaluate((element) =>
      Object.keys(element).some((key) => key.startsWith("__reactProps")),
    );
    if (ready) return;
    await locator.page().waitForTimeout(50);
  }
  throw new Error("the sign-in button never hydrated");
}

/** Writes the PNGs into `dir` and returns their paths; throws if one is over 1 MB. */
export async function captureScreenshots(
  browser: Browser,
  urls: { app: string; agentApp: string },
  dir: string,
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({ viewport: SCREENSHOT_SIZE });
  const page = await context.newPage();
  const written: string[] = [];
  const shoot = async (name: string) => {
    // Every photo in, in the page and its frames (an avatar shows initials until then).
    for (const frame of page.frames())
      await frame.waitForFunction(() => [...document.images].every((image) => image.complete));
    const path = join(dir, `${name}.png`);
    await page.screenshot({ path, animations: "disabled", caret: "hide" });
    const bytes = statSync(path).size;
    if (bytes > MAX_SCREENSHOT_BYTES)
      throw new Error(`${path} is ${bytes} bytes: the Marketplace takes at most 1 MB`);
    written.push(path);
  };

  // The standalone dashboard, signed in through the real redirect flow.
  await page.goto(urls.app);
  await page.getByRole("button", { name: "Sign in with LiveChat" }).click();
  await signInAtEmulator(page);
  await page.waitForURL(/\/dashboard/);
  for (const theme of THEMES) {
    await page.goto(`${urls.app}/dashboard?theme=${theme}`);
    await page.getByRole("table").or(page.locator("[data-agent-total]")).first().waitFor();
    await shoot(`dashboard-${theme}`);
  }

  // The widgets in the Agent App: one popup sign-in, then each placement in both themes.
  const views = [
    ["fullscreen", "fullscreen"],
    ["details", "chats"],
    ["settings", "settings"],
  ] as const;
  for (const theme of THEMES) {
    for (const [placement, view] of views) {
      await page.goto(`${urls.agentApp}/${view}?theme=${theme}`);
      const frame = page.frameLocator(`#frame-${placement}`);
      const signIn = frame.getByRole("button", { name: "Sign in with LiveChat" });
      const content = frame.locator("main");
      await content.or(signIn).first().waitFor();
      if (await signIn.isVisible()) {
        await hydrated(signIn);
        const [popup] = await Promise.all([context.waitForEvent("page"), signIn.click()]);
        const closed = popup.waitForEvent("close");
        // Signed in at the emulator already (the dashboard's sign-in): the popup closes by itself.
        const form = popup
          .getByLabel("Email")
          .waitFor()
          .then(() => "form" as const);
        if ((await Promise.race([form, closed.then(() => "closed" as const)])) === "form")
          await signInAtEmulator(popup);
        await closed;
      }
      await frame.locator("main").waitFor();
      await frame
        .locator("[aria-busy='true']")
        .waitFor({ state: "detached" })
        .catch(() => {});
      await shoot(`${placement}-${theme}`);
    }
  }
  await context.close();
  return written;
}
