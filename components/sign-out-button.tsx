"use client";

import { Button, Icon } from "@livechat/design-system-react-components";
import { Logout } from "@livechat/design-system-icons";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <Button
      kind="secondary"
      size="compact"
      icon={<Icon source={Logout} />}
      onClick={() => void signOut({ callbackUrl: "/" })}
    >
      Sign out
    </Button>
  );
}
