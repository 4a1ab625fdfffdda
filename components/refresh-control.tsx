"use client";

import { Button, Icon } from "@livechat/design-system-react-components";
import { Refresh } from "@livechat/design-system-icons";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { useToast } from "./toaster";

// Whether the last agent list this tab showed had failed: a list that comes back after a failure
// (a retry, a refresh, another page) says so, wherever on the page its control is mounted.
let lastListFailed = false;

/**
 * "Updated at 14:02:09" and a button that asks the server for a fresh list. A refresh that
 * brought new data, or a list that is back after a failure, says so in a toast.
 */
export function RefreshControl({ fetchedAt, ok }: { fetchedAt: string | null; ok: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const asked = useRef(false);

  useEffect(() => {
    if (ok && lastListFailed) toast("success", "LiveChat is back: agents updated.");
    else if (ok && asked.current) toast("success", "Agents updated.");
    asked.current = false;
    lastListFailed = !ok;
  }, [fetchedAt, ok, toast]);

  return (
    <div className="cluster">
      {fetchedAt && (
        <span className="muted">
          Updated at{" "}
          <time dateTime={fetchedAt} suppressHydrationWarning>
            {new Date(fetchedAt).toLocaleTimeString("en-GB")}
          </time>
        </span>
      )}
      <Button
        kind="secondary"
        size="compact"
        loading={pending}
        loaderLabel="Refreshing…"
        icon={<Icon source={Refresh} />}
        onClick={() => {
          asked.current = true;
          startTransition(() => router.refresh());
        }}
      >
        Refresh
      </Button>
    </div>
  );
}
