import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AutoSignIn } from "@/components/auto-sign-in";
import { SignInButton } from "@/components/sign-in-button";
import { getSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Finishing installation · Agent Board" };

/**
 * The app's Direct installation URL. After a Marketplace install LiveChat sends the user here with
 * a `code` the app never asked for (no state of ours). Exchanging it would accept a sign-in forced
 * on the user (login CSRF), so the code is ignored and a fresh sign-in starts; LiveChat completes
 * it at once, without a second consent.
 */
export default async function InstallPage() {
  if (await getSession()) redirect("/dashboard");
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col items-center justify-center gap-6 px-6 text-center">
      <h1 className="text-2xl font-bold">Finishing the installation…</h1>
      <p className="text-neutral-600">
        Signing you in with LiveChat. If nothing happens, use the button.
      </p>
      <AutoSignIn callbackUrl="/dashboard" />
      <SignInButton />
    </main>
  );
}
