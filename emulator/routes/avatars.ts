import { createHash } from "node:crypto";
import type { Context } from "../context";
import { agents } from "../fixtures";
import { sendNotFound } from "../errors";

/** Agents' avatars as generated SVGs (initials on a colour picked from the agent id): no image files to ship. */
export function serveAvatar(ctx: Context): void {
  const agent = agents.find((a) => a.avatar_path !== "" && a.avatar_path === ctx.url.pathname);
  if (!agent) return sendNotFound(ctx.res, ctx.url.pathname);
  const initials = agent.name
    .split(" ")
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
  const hue = createHash("sha256").update(agent.id).digest()[0] ?? 0;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">\
<rect width="96" height="96" fill="hsl(${Math.round((hue / 255) * 360)} 55% 42%)"/>\
<text x="48" y="48" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="38" fill="#fff">${initials}</text></svg>`;
  ctx.res.writeHead(200, {
    "Content-Type": "image/svg+xml",
    "Content-Length": Buffer.byteLength(svg),
    "Cache-Control": "public, max-age=86400",
  });
  ctx.res.end(svg);
}
