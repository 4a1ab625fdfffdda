import type { Metadata } from "next";
import Link from "next/link";
import { Heading, Text } from "@/components/ds";
import { SignInButton } from "@/components/sign-in-button";
import { SIGN_IN_ERROR_MESSAGES } from "@/lib/auth/messages";
import type { SignInErrorCode } from "@/lib/auth/sign-in-error";

export const metadata: Metadata = { title: "Sign-in failed" };

type SearchParams = Promise<{ error?: string }>;

export default async function AuthErrorPage({ searchParams }: { searchParams: SearchParams }) {
  const { error } = await searchParams;
  const code: SignInErrorCode =
    error && Object.hasOwn(SIGN_IN_ERROR_MESSAGES, error)
      ? (error as SignInErrorCode)
      : "SignInFailed";
  const { title, detail } = SIGN_IN_ERROR_MESSAGES[code];
  return (
    <main className="centered">
      <div role="alert" data-error-code={code}>
        <Heading as="h1" size="md">
          {title}
        </Heading>
        <Text as="p" className="muted">
          {detail}
        </Text>
      </div>
      <SignInButton label="Try again" />
      <Text as="p" size="sm">
        <Link href="/">Back to the start page</Link>
      </Text>
    </main>
  );
}
