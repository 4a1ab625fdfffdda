import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// docs/make-it-yours.md walks through this codebase by its file names, and its "empty app" steps
// are a `git rm` list plus docs/empty-app.patch (checked by a full `npm test` of the emptied tree
// when they were written). Code moves on; these checks say when the guide no longer fits it.
// To refresh the patch: apply it with `git apply --3way`, resolve, run the emptied tree's tests,
// then `git diff --cached > docs/empty-app.patch` from that tree.

const GUIDE = readFileSync("docs/make-it-yours.md", "utf8");
const PATCH = "docs/empty-app.patch";
const patchText = readFileSync(PATCH, "utf8");

/** The files the patch creates, with their contents. */
function createdByPatch(): Map<string, string> {
  const created = new Map<string, string>();
  for (const part of patchText.split(/^diff --git /m).slice(1)) {
    if (!/^new file mode/m.test(part)) continue;
    const path = /^\+\+\+ b\/(.+)$/m.exec(part)![1]!;
    const body = part.slice(part.indexOf("@@"));
    const lines = body.split("\n").filter((line) => line.startsWith("+"));
    created.set(path, lines.map((line) => line.slice(1)).join("\n") + "\n");
  }
  return created;
}

/** The repository paths the guide names in backticks (globs and bare file names aside). */
const namedPaths = () =>
  [...new Set([...GUIDE.matchAll(/`([^`\s]+)`/g)].map((match) => match[1]!))].filter((path) =>
    /^(app|components|docs|emulator|lib|prisma|scripts|tests)\/[^*]+$/.test(path),
  );

/** The guide's two sample pages: what a reader adds, so they exist in neither tree. */
const SAMPLE_PAGES = ["app/(dashboard)/dashboard/me/page.tsx", "app/widgets/me/page.tsx"];

describe("docs/make-it-yours.md", () => {
  it("names only files that exist, that the empty-app patch creates, or its sample pages", () => {
    const created = createdByPatch();
    const missing = namedPaths().filter(
      (path) => !existsSync(path) && !created.has(path) && !SAMPLE_PAGES.includes(path),
    );
    expect(missing).toEqual([]);
  });

  it("deletes only files that exist, in its git rm list", () => {
    const block = /```sh\ngit rm -r -q \\\n([\s\S]*?)```/.exec(GUIDE)?.[1];
    expect(block).toBeDefined();
    const paths = [...block!.matchAll(/'([^']+)'|(\S+)/g)]
      .map((match) => match[1] ?? match[2]!)
      .filter((path) => path !== "\\");
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((path) => !existsSync(path))).toEqual([]);
  });

  it("ships a patch that still applies to this tree", () => {
    const check = spawnSync("git", ["apply", "--check", PATCH], { encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });

  it("shows the same read and card the patch creates", () => {
    const created = createdByPatch();
    for (const path of ["lib/data/signed-in-agent.ts", "components/signed-in-agent.tsx"]) {
      const sample = new RegExp(
        "`" + path.replace(/[.]/g, "\\.") + "`[^\\n]*:\\n\\n```tsx?\\n([\\s\\S]*?)```",
      ).exec(GUIDE)?.[1];
      expect(sample, path).toBeDefined();
      expect(sample, path).toBe(created.get(path));
    }
  });
});
