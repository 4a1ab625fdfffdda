"use client";

import { signIn } from "next-auth/react";
import { useEffect } from "react";

/** Starts "Sign in with LiveChat" as soon as the page is shown (the button stays as a fallback). */
export function AutoSignIn({ callbackUrl }: { callbackUrl: string }) {
  useEffect(() => {
    void signIn("livechat", { callbackUrl });
  }, [callbackUrl]);
  return null;
}
