"use client";

import { Button, Heading, Icon, Text } from "@livechat/design-system-react-components";
import { LiveChatMono } from "@livechat/design-system-icons";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useToast } from "./toaster";

// "Sign in with LiveChat" inside a widget frame: LiveChat's sign-in in a popup (flow=button), as
// @livechat/accounts-sdk does. The popup posts `{ data: { code, state } }` or `{ error }` to this
// frame from the accounts server's origin (accounts-sdk src/helpers/listener.js); the code goes
// to the app's server at once, which exchanges it. No token ever reaches this page.

type Phase = "idle" | "waiting" | "blocked" | "closed" | "failed";

const POPUP_FEATURES = "popup,width=500,height=650,resizable,scrollbars";
const json = { "content-type": "application/json" };

type PopupMessage = { data?: { code?: string; state?: string }; error?: unknown };

/**
 * The sign-in result the popup posts: only from LiveChat's accounts server, only from this popup.
 * Null when the popup was closed first.
 */
function messageFrom(popup: Window, accountsOrigin: string): Promise<PopupMessage | null> {
  return new Promise((resolve) => {
    const done = (message: PopupMessage | null) => {
      clearInterval(watch);
      window.removeEventListener("message", onMessage);
      resolve(message);
    };
    const watch = setInterval(() => popup.closed && done(null), 500);
    function onMessage(event: MessageEvent) {
      if (event.origin !== accountsOrigin || event.source !== popup) return;
      const message = event.data as PopupMessage | null;
      if (message?.data || message?.error) done(message);
    }
    window.addEventListener("message", onMessage);
  });
}

export function WidgetSignIn({
  accountsOrigin,
  reason,
}: {
  accountsOrigin: string;
  /** Why the user must sign in again, when LiveChat ended the previous sign-in. */
  reason?: string | null;
}) {
  const router = useRouter();
  const toast = useToast();
  const [phase, setPhase] = useState<Phase>("idle");
  const [problem, setProblem] = useState<string | null>(null);

  const fail = (message: string) => {
    setProblem(message);
    setPhase("failed");
    toast("error", message);
  };

  const signIn = async () => {
    // Opened before any await, inside the click: a popup opened later is blocked as unasked-for.
    // Its own name, so that two widgets signing in at once get two popups.
    const popup = window.open("", `livechat-sign-in-${crypto.randomUUID()}`, POPUP_FEATURES);
    if (!popup) return setPhase("blocked");
    setPhase("waiting");
    setProblem(null);
    try {
      const start = await fetch("/api/widgets/sign-in", {
        method: "POST",
        headers: json,
        body: "{}",
      });
      if (!start.ok) throw new Error(`start: ${start.status}`);
      const { authorizeUrl, state, id } = (await start.json()) as {
        authorizeUrl: string;
        state: string;
        id: string;
      };
      popup.location.href = authorizeUrl;
      const message = await messageFrom(popup, accountsOrigin);
      if (!message) return setPhase("closed");
      if (message.error || !message.data?.code || message.data.state !== state) {
        return fail("LiveChat did not grant the app access. Try again and choose Allow.");
      }
      const done = await fetch("/api/widgets/sign-in/callback", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ code: message.data.code, state, id }),
      });
      if (!done.ok) {
        const { message: detail } = (await done.json().catch(() => ({}))) as { message?: string };
        return fail(detail ?? "Sign-in failed. Try again.");
      }
      setPhase("idle");
      toast("success", "Signed in with LiveChat.");
      router.refresh();
    } catch {
      popup.close();
      fail("The app could not be reached to sign you in. Check your connection and try again.");
    }
  };

  return (
    <main className="centered widget">
      <Heading as="h1" size="sm">
        Sign in to see your organization
      </Heading>
      {reason && (
        <Text as="p" role="status">
          {reason}
        </Text>
      )}
      <Text as="p" className="muted">
        LiveChat opens its sign-in in a new window. This app never sees your password.
      </Text>
      {phase === "blocked" && (
        <div role="alert">
          <Text as="p">
            Your browser blocked the sign-in window. Allow pop-ups for this app, or click the button
            again.
          </Text>
        </div>
      )}
      {phase === "closed" && (
        <Text as="p" role="status">
          The sign-in window was closed before you finished. Click the button to try again.
        </Text>
      )}
      {phase === "failed" && problem && (
        <Text as="p" role="alert">
          {problem}
        </Text>
      )}
      <Button
        kind="primary"
        loading={phase === "waiting"}
        loaderLabel="Waiting for LiveChat…"
        icon={<Icon source={LiveChatMono} />}
        onClick={() => void signIn()}
      >
        {phase === "idle" ? "Sign in with LiveChat" : "Try again"}
      </Button>
    </main>
  );
}
