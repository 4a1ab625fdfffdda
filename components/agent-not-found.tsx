import Link from "next/link";
import { Heading, Text } from "./ds";

/** An unknown agent, or one of another organization: LiveChat does not show it, neither do we. */
export function AgentNotFound({ backHref }: { backHref: string }) {
  return (
    <main className="stack">
      <Heading as="h1" size="md">
        Agent not found
      </Heading>
      <Text as="p" className="muted">
        There is no such agent in your LiveChat organization. It may have been removed.
      </Text>
      <Text as="p">
        <Link href={backHref}>Back to all agents</Link>
      </Text>
    </main>
  );
}
