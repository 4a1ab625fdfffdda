import Link from "next/link";
import { Heading, Text } from "@/components/ds";

export default function NotFound() {
  return (
    <main className="centered">
      <Heading as="h1" size="md">
        This page does not exist
      </Heading>
      <Text as="p" className="muted">
        The address may be mistyped, or the page has moved.
      </Text>
      <Text as="p">
        <Link href="/dashboard">Go to the agents board</Link>
      </Text>
    </main>
  );
}
