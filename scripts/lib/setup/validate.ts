import { isLoopback } from "../../../lib/env";

// What `npm run setup` accepts, one rule each: a message in the user's words, or null.

/** LiveChat's Marketplace naming rule: "X for LiveChat", never "LiveChat X", under 30 characters. */
export function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return "The app needs a name, e.g. “Agent Board for LiveChat”.";
  if (/^livechat\b/i.test(trimmed))
    return "LiveChat's naming rule: “X for LiveChat”, never “LiveChat X”.";
  if (!/\S for LiveChat$/.test(trimmed))
    return "LiveChat's naming rule: the name ends in “for LiveChat”.";
  if (trimmed.length >= 30)
    return `The name must be under 30 characters (it has ${trimmed.length}).`;
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function organizationIdProblem(id: string): string | null {
  return UUID.test(id.trim())
    ? null
    : "An organization id is a UUID, e.g. 6f1c2a9e-0d5b-4b7a-9c3e-1a2b3c4d5e01 (the organization_id of LiveChat's token responses).";
}

/** The app's public URL: https (http only on this machine), no path, query or fragment. */
export function appUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return "The app's URL must be an absolute URL, e.g. https://agents.example.com.";
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.href)))
    return "The app's URL must be https:// (only localhost may be http).";
  if (url.pathname !== "/" || url.search || url.hash)
    return "The app's URL is an origin only, e.g. https://agents.example.com (no path or query).";
  return null;
}

export function databaseUrlProblem(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return /^postgres(ql)?:$/.test(url.protocol)
      ? null
      : "The database URL must start with postgres:// or postgresql://.";
  } catch {
    return "The database URL must be a connection string, e.g. postgresql://user:password@host:5432/db.";
  }
}

/** The package name for an app name: "Agent Board for LiveChat" -> "agent-board-for-livechat". */
export function packageNameOf(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** An origin without its trailing slash. */
export const originOf = (value: string) => new URL(value.trim()).origin;
