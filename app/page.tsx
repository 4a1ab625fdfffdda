import { redirect } from "next/navigation";
import { Heading, Text } from "@/components/ds";
import { Notice } from "@/components/notice";
import { SignInButton } from "@/components/sign-in-button";
import { REAUTHENTICATION_MESSAGES } from "@/lib/auth/messages";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getSession } from "@/lib/auth/session";
import { APP_DESCRIPTION, APP_NAME } from "@/lib/brand";

type SearchParams = Promise<{ callbackUrl?: string; reason?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl, reason } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await getSession()) redirect(returnTo);
  const message =
    reason && Object.hasOwn(REAUTHENTICATION_MESSAGES, reason)
      ? REAUTHENTICATION_MESSAGES[reason as keyof typeof REAUTHENTICATION_MESSAGES]
      : null;

  return (
    <main className="centered">
      <div>
        <Heading as="h1" size="lg">
          {APP_NAME}
        </Heading>
        <Text as="p" size="md" className="muted">
          {APP_DESCRIPTION}
        </Text>
      </div>
      {message && <Notice tone="info" title={message} />}
      <SignInButton callbackUrl={returnTo} />
      <Text as="p" size="sm" className="muted">
        You will be taken to LiveChat to sign in and allow access.
      </Text>
    </main>
  );
}
