"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** LiveChat's own wording and orange; starts the OAuth flow through next-auth. */
export function SignInButton({
  callbackUrl = "/dashboard",
  label = "Sign in with LiveChat",
}: {
  callbackUrl?: string;
  label?: string;
}) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("livechat", { callbackUrl });
      }}
      className="inline-flex items-center gap-3 rounded-md bg-livechat-orange px-6 py-3 text-base font-semibold text-white shadow-sm transition hover:bg-livechat-orange-dark focus:outline-none focus-visible:ring-4 focus-visible:ring-livechat-orange/40 disabled:opacity-70"
    >
      <LiveChatMark />
      {pending ? "Redirecting to LiveChat…" : label}
    </button>
  );
}

function LiveChatMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 fill-current">
      <path d="M4 3h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1h-7l-5 4v-4H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1Z" />
    </svg>
  );
}
