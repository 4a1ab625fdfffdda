"use client";

import { Button, Heading, Text } from "@livechat/design-system-react-components";

/** For the unexpected only: expected failures (LiveChat down, session over) are handled by pages. */
export function ErrorPanel({ what, reset }: { what: string; reset: () => void }) {
  return (
    <main className="centered">
      <Heading as="h1" size="md">
        Something went wrong
      </Heading>
      <Text as="p" className="muted">
        {what} could not be shown. Try again; if it keeps happening, contact the app&apos;s
        developer.
      </Text>
      <Button kind="primary" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
