function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() ||
    "?"
  );
}

export function AgentAvatar({ name, avatarUrl }: { name: string; avatarUrl: string | null }) {
  if (avatarUrl) {
    // Avatars live on LiveChat's CDN (any host); next/image would need every host listed up front.
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={avatarUrl} alt="" width={36} height={36} className="avatar" />;
  }
  return (
    <span aria-hidden="true" className="avatar">
      {initialsOf(name)}
    </span>
  );
}
