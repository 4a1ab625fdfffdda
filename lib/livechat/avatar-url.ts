/**
 * LiveChat sends avatars without a scheme (`cdn.livechatinc.com/avatars/1.png`) or
 * protocol-relative (`//cdn...`); a bare host would be read as a relative path by the browser.
 * Absolute URLs pass through untouched (the emulator serves plain http on localhost).
 */
export function toAvatarUrl(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  return `https://${trimmed.replace(/^\/\//, "")}`;
}
