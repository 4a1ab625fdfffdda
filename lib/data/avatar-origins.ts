import { env, isLoopback } from "@/lib/env";

// Agents' photos are shown only from where LiveChat serves them: an avatar URL is data from the
// API, and an image from anywhere else would tell that host who opened the board (and when).
// The same list is the CSP's img-src (proxy.ts), so the browser enforces it too.

/**
 * LiveChat's avatar hosts: its file CDN (current API samples), its image proxy, and the S3
 * bucket behind the legacy scheme-less `avatar` paths.
 */
export const LIVECHAT_AVATAR_ORIGINS = [
  "https://cdn.livechat-files.com",
  "https://cdn.livechatinc.com",
  "https://livechat.s3.amazonaws.com",
] as const;

type AvatarConfig = { emulator: boolean; livechat: { apiUrl: string } };
// Per configuration (env() parses it once): the board asks for every row, the proxy per request.
const originsOf = new WeakMap<AvatarConfig, readonly string[]>();

/** LiveChat's hosts, and the emulator's origin while the app talks to it (it serves its own). */
export function avatarOrigins(config: AvatarConfig = env()): readonly string[] {
  let origins = originsOf.get(config);
  if (!origins) {
    const { apiUrl } = config.livechat;
    const emulator = config.emulator || isLoopback(apiUrl) ? [new URL(apiUrl).origin] : [];
    origins = [...LIVECHAT_AVATAR_ORIGINS, ...emulator];
    originsOf.set(config, origins);
  }
  return origins;
}

/** `url` when it is served from one of `origins`, else null (the avatar shows initials). */
export function allowedAvatarUrl(url: string | null, origins: readonly string[]): string | null {
  if (!url) return null;
  try {
    return origins.includes(new URL(url).origin) ? url : null;
  } catch {
    return null;
  }
}
