import Link from "next/link";
import { SignInButton } from "@/components/sign-in-button";
import { SIGN_IN_ERROR_MESSAGES } from "@/lib/auth/messages";
import type { SignInErrorCode } from "@/lib/auth/sign-in-error";

type SearchParams = Promise<{ error?: string }>;

export default async function AuthErrorPage({ searchParams }: { searchParams: SearchParams }) {
  const { error } = await searchParams;
  const code: SignInErrorCode =
    error && Object.hasOwn(SIGN_IN_ERROR_MESSAGES, error)
      ? (error as SignInErrorCode)
      : "SignInFailed";
  const { title, detail } = SIGN_IN_ERROR_MESSAGES[code];
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col items-center justify-center gap-6 px-6 text-center">
      <div role="alert" data-error-code={code}>
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="mt-3 text-neutral-600">{detail}</p>
      </div>
      <SignInButton label="Try again" />
      <Link href="/" className="text-sm text-neutral-500 underline">
        Back to the start page
      </Link>
    </main>
  );
}
