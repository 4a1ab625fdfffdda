import { AgentAppConnection, type Placement } from "@/components/agent-app";
import { WidgetSignIn } from "@/components/widget-sign-in";
import type { ReauthenticationReason } from "@/lib/auth/errors";
import { REAUTHENTICATION_MESSAGES } from "@/lib/auth/messages";
import { env } from "@/lib/env";

/** A widget frame with nobody signed in: the popup sign-in. */
export function SignedOutWidget({
  placement,
  reason,
}: {
  placement: Placement;
  reason: ReauthenticationReason | null;
}) {
  return (
    <>
      <AgentAppConnection placement={placement} />
      <WidgetSignIn
        accountsOrigin={new URL(env().livechat.accountsUrl).origin}
        reason={reason && REAUTHENTICATION_MESSAGES[reason]}
      />
    </>
  );
}
