import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import {
  captureScreenshots,
  MAX_SCREENSHOT_BYTES,
  SCREENSHOT_SIZE,
} from "../../scripts/lib/screenshots";
import { stack } from "../../scripts/lib/stack-env";
import { expect, test } from "./fixtures";

// What `npm run screenshots` writes (scripts/screenshots.ts), taken against this suite's stack.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test("the Marketplace screenshots: the dashboard and the three widgets in both themes, valid PNGs under 1 MB", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), "screenshots-"));
  const files = await captureScreenshots(
    browser,
    { app: stack.appUrl, agentApp: `${stack.emulatorUrl}/agent-app` },
    dir,
  );
  expect(files.map((file) => basename(file)).sort()).toEqual(
    [
      "dashboard-dark.png",
      "dashboard-light.png",
      "details-dark.png",
      "details-light.png",
      "fullscreen-dark.png",
      "fullscreen-light.png",
      "settings-dark.png",
      "settings-light.png",
    ].sort(),
  );
  for (const file of files) {
    const png = readFileSync(file);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // IHDR, the first chunk: width and height, big-endian, at bytes 16-23.
    expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
      SCREENSHOT_SIZE.width,
      SCREENSHOT_SIZE.height,
    ]);
    expect(statSync(file).size).toBeLessThanOrEqual(MAX_SCREENSHOT_BYTES);
  }
  // Dark and light differ: the theme really changed.
  const light = readFileSync(join(dir, "dashboard-light.png"));
  const dark = readFileSync(join(dir, "dashboard-dark.png"));
  expect(light.equals(dark)).toBe(false);
});
