import { SignOutButton } from "@/components/sign-out-button";
import { getSession } from "@/lib/auth/session";

/** The signed-in app shell: who is signed in, and the way out. Each page still authorizes itself. */
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const session = await getSession();
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-6 py-10">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <p className="font-semibold">Agent Board</p>
        {session && (
          <div className="flex items-center gap-4">
            <p className="text-sm text-neutral-600">
              Signed in as{" "}
              <span className="font-medium text-neutral-900">
                {session.user.name ?? session.user.email}
              </span>
            </p>
            <SignOutButton />
          </div>
        )}
      </header>
      {children}
    </div>
  );
}
