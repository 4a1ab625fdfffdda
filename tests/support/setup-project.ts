import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A temporary project holding the files `npm run setup` edits besides .env.local (lib/brand.ts
 * and package.json, as they are in this repository), for its tests to run it on.
 */
export function setupProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "setup-"));
  mkdirSync(join(dir, "lib"));
  for (const file of ["lib/brand.ts", "package.json"])
    writeFileSync(join(dir, file), readFileSync(file, "utf8"));
  return dir;
}
