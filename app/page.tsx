import { redirect } from "next/navigation";
import { Notice } from "@/components/notice";
import { SignInButton } from "@/components/sign-in-button";
import { REAUTHENTICATION_MESSAGES } from "@/lib/auth/messages";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getSession } from "@/lib/auth/session";

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
    <main className="mx-auto flex min-h-screen max-w-xl flex-col items-center justify-center gap-8 px-6 text-center">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Agent Board</h1>
        <p className="mt-3 text-neutral-600">
          See who in your LiveChat organization is taking chats right now.
        </p>
      </div>
      {message && <Notice tone="info" title={message} />}
      <SignInButton callbackUrl={returnTo} />
      <p className="text-xs text-neutral-500">
        You will be taken to LiveChat to sign in and allow access.
      </p>
    </main>
  );
}
