"use client";

import { Button, Icon } from "@livechat/design-system-react-components";
import { Logout } from "@livechat/design-system-icons";
import { useRouter } from "next/navigation";
import { useToast } from "./toaster";

/** Sign-out inside a frame: next-auth's own needs its first-party CSRF cookie, which frames lack. */
export function WidgetSignOut() {
  const router = useRouter();
  const toast = useToast();
  return (
    <Button
      kind="secondary"
      size="compact"
      icon={<Icon source={Logout} />}
      onClick={async () => {
        const response = await fetch("/api/widgets/sign-out", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        });
        if (!response.ok) return toast("error", "Sign-out failed. Try again.");
        toast("success", "Signed out.");
        router.refresh();
      }}
    >
      Sign out
    </Button>
  );
}
