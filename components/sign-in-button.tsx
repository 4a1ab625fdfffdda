"use client";

import { Button, Icon } from "@livechat/design-system-react-components";
import { LiveChatMono } from "@livechat/design-system-icons";
import { signIn } from "next-auth/react";
import { useState } from "react";

/** LiveChat's own wording; starts the OAuth flow through next-auth. */
export function SignInButton({
  callbackUrl = "/dashboard",
  label = "Sign in with LiveChat",
}: {
  callbackUrl?: string;
  label?: string;
}) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      kind="primary"
      size="large"
      loading={pending}
      loaderLabel="Redirecting to LiveChat…"
      icon={<Icon source={LiveChatMono} />}
      onClick={() => {
        setPending(true);
        void signIn("livechat", { callbackUrl });
      }}
    >
      {label}
    </Button>
  );
}
