import Link from "next/link";
import { Heading, Text } from "@/components/ds";
import { SignOutButton } from "@/components/sign-out-button";
import { getSession } from "@/lib/auth/session";
import { APP_NAME } from "@/lib/brand";

/** The signed-in app shell: who is signed in, and the way out. Each page still authorizes itself. */
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const session = await getSession();
  return (
    <div className="page stack">
      <header className="bar">
        <Heading as="p" size="xs">
          {APP_NAME}
        </Heading>
        {session && (
          <div className="cluster">
            <Link href="/dashboard/settings">Settings</Link>
            <Text as="p" size="sm" noMargin>
              Signed in as <strong>{session.user.name ?? session.user.email}</strong>
            </Text>
            <SignOutButton />
          </div>
        )}
      </header>
      {children}
    </div>
  );
}
