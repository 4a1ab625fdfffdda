import { Text } from "./ds";
import { WidgetSignOut } from "./widget-sign-out";

/** Who is signed in inside a widget, and the way out. */
export function WidgetHeader({ name }: { name: string }) {
  return (
    <header className="bar">
      <Text as="p" size="sm" noMargin>
        Signed in as <strong>{name}</strong>
      </Text>
      <WidgetSignOut />
    </header>
  );
}
