import { Avatar } from "./ds";

// From the Design System's `--surface-avatar-1..10` (the same in both themes), the five on which
// white initials reach WCAG's 4.5:1. Passed as hex on purpose: a text Avatar left to pick its own
// colour reads a CSS variable with getComputedStyle while rendering, which throws on the server
// (design-system-react-components 2.39.1).
const AVATAR_COLORS = ["#8609ff", "#ca0005", "#00893c", "#9146ff", "#0066ff"];

/** As the Design System picks: the sum of the name's character codes chooses the colour. */
function colorOf(name: string): string {
  const sum = [...name].reduce((total, char) => total + char.charCodeAt(0), 0);
  return AVATAR_COLORS[sum % AVATAR_COLORS.length] ?? "#0066ff";
}

/** LiveChat's Avatar: the photo when LiveChat has one, the initials otherwise. */
export function AgentAvatar({
  name,
  avatarUrl,
  size = "small",
}: {
  name: string;
  avatarUrl: string | null;
  size?: "small" | "large";
}) {
  return avatarUrl ? (
    <Avatar type="image" src={avatarUrl} alt="" size={size} />
  ) : (
    <Avatar type="text" text={name} color={colorOf(name)} size={size} />
  );
}
