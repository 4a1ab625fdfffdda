import { gzipSync } from "node:zlib";
import { load, loadOk, type Target } from "./measure";

// What a page costs the browser: the HTML and the RSC payload of a navigation to it, and the
// JavaScript files it loads, uncompressed (as Next sends them before compression) and gzipped.

/**
 * Next answers an RSC request that lacks the `_rsc` cache-busting parameter with a redirect to the
 * URL that has it, as a browser's navigation would have asked.
 */
async function withRscParameter(target: Target): Promise<Target> {
  const answer = await load(target, { RSC: "1" });
  const location = answer.status === 307 ? answer.location : null;
  if (!location) return target;
  return { ...target, url: new URL(location, target.url).toString() };
}

/** The HTML of `target` and its RSC payload (what a client-side navigation fetches). */
export async function pageBytes(target: Target) {
  const html = await loadOk(target);
  const rsc = await loadOk(await withRscParameter(target), { RSC: "1" });
  if (!rsc.contentType.startsWith("text/x-component"))
    throw new Error(`${target.name} with RSC: 1 answered ${rsc.contentType}, not an RSC payload`);
  return { html: html.body.length, rsc: rsc.body.length };
}

/**
 * Every JavaScript file the page's HTML names (script tags, preloads, and the chunk lists in its
 * inline RSC payload), each counted once, summed.
 */
export async function clientJavaScript(target: Target) {
  const page = await loadOk(target);
  const origin = new URL(target.url).origin;
  const files = new Set(page.body.toString("utf8").match(/\/_next\/static\/[^"'\s\\]+?\.js/g));
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const script = await loadOk({ name: file, url: `${origin}${file}`, headers: {} });
    bytes += script.body.length;
    gzipBytes += gzipSync(script.body).length;
  }
  return { files: files.size, bytes, gzipBytes };
}
