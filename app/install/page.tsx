import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AutoSignIn } from "@/components/auto-sign-in";
import { Heading, Loader, Text } from "@/components/ds";
import { SignInButton } from "@/components/sign-in-button";
import { getSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Finishing installation" };

/**
 * The app's Direct installation URL. After a Marketplace install LiveChat sends the user here with
 * a `code` the app never asked for (no state of ours). Exchanging it would accept a sign-in forced
 * on the user (login CSRF), so the code is ignored and a fresh sign-in starts; LiveChat completes
 * it at once, without a second consent.
 */
export default async function InstallPage() {
  if (await getSession()) redirect("/dashboard");
  return (
    <main className="centered">
      <Loader size="large" />
      <Heading as="h1" size="md">
        Finishing the installation…
      </Heading>
      <Text as="p" className="muted">
        Signing you in with LiveChat. If nothing happens, use the button.
      </Text>
      <AutoSignIn callbackUrl="/dashboard" />
      <SignInButton />
    </main>
  );
}
