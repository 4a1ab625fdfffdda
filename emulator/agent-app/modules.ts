import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

// The Agent App page's scripts, served as native ES modules with no bundler: each module's bare
// imports are resolved the way Node resolves them (nested node_modules included) and rewritten to
// URLs under one prefix; only the modules reachable from the page's own script are served.

const PAGE_SCRIPT = fileURLToPath(new URL("./browser.js", import.meta.url));
// Node resolution from the project root, so the Agent App page gets the installed packages.
const NODE_MODULES = resolve(
  dirname(createRequire(import.meta.url).resolve("@livechat/postmessage/package.json")),
  "../..",
);
const IMPORT_SPECIFIER = /(\bfrom\s*|\bimport\s*\(?\s*)(["'])([^"']+)\2/g;

/** One served module: its URL path and its source with imports rewritten. */
export interface BrowserModule {
  path: string;
  source: string;
}

function withJsExtension(file: string): string {
  return existsSync(file) && statSync(file).isFile() ? file : `${file}.js`;
}

/** The ES module entry of a package directory (or of a subpath with its own package.json). */
function moduleEntry(directory: string): string {
  const manifest = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as {
    module?: string;
    main?: string;
  };
  const entry = manifest.module ?? manifest.main;
  if (!entry) throw new Error(`${directory} has no module entry`);
  return withJsExtension(join(directory, entry));
}

function resolveSpecifier(specifier: string, importer: string): string {
  if (specifier.startsWith(".")) return withJsExtension(resolve(dirname(importer), specifier));
  const parts = specifier.split("/");
  const name = parts.slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
  const subpath = parts.slice(name.split("/").length).join("/");
  for (let dir = dirname(importer); ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) {
      if (!subpath) return moduleEntry(candidate);
      const target = join(candidate, subpath);
      return existsSync(join(target, "package.json"))
        ? moduleEntry(target)
        : withJsExtension(target);
    }
    if (dirname(dir) === dir) throw new Error(`Cannot resolve "${specifier}" from ${importer}`);
  }
}

function urlPathOf(file: string): string {
  if (file === PAGE_SCRIPT) return "/agent-app/agent-app.js";
  const inside = relative(NODE_MODULES, file);
  if (inside.startsWith("..")) throw new Error(`${file} is outside node_modules`);
  return `/agent-app/modules/${inside.split(sep).join("/")}`;
}

function collect(): Map<string, BrowserModule> {
  const modules = new Map<string, BrowserModule>();
  const pending = [PAGE_SCRIPT];
  for (let file = pending.pop(); file; file = pending.pop()) {
    const path = urlPathOf(file);
    if (modules.has(path)) continue;
    const importer = file;
    const source = readFileSync(file, "utf8")
      .replace(IMPORT_SPECIFIER, (_match, keyword: string, quote: string, specifier: string) => {
        const target = resolveSpecifier(specifier, importer);
        pending.push(target);
        return `${keyword}${quote}${urlPathOf(target)}${quote}`;
      })
      // What a bundler's `define` does: @livechat/postmessage reads it to pick its debug logging.
      .replace(/process\.env\.NODE_ENV/g, JSON.stringify("production"));
    modules.set(path, { path, source });
  }
  return modules;
}

let cache: Map<string, BrowserModule> | null = null;

/** The module served at `path`, or null: nothing outside the page's import graph is served. */
export function browserModule(path: string): BrowserModule | null {
  cache ??= collect();
  return cache.get(path) ?? null;
}
