import { Text } from "@/components/ds";

/**
 * The popup sign-in's redirect URI, on the app's whitelist. LiveChat's `flow=button` posts the
 * result to the widget instead of coming here; a window that lands here anyway says what to do.
 */
export default function WidgetSignInLanding() {
  return (
    <main className="centered">
      <Text as="p">You are signed in with LiveChat. You can close this window.</Text>
    </main>
  );
}
