"use client";

import { useEffect } from "react";
import { useToast } from "./toaster";

const SLOW_MS = 4000;

/**
 * A toast when LiveChat is slow: the skeleton is still there after 4 s. It lives in the page
 * shell, not in the Suspense fallback, because React never hydrates a fallback the server streamed
 * (a timer there would start only after in-app navigation). Key it by the view it waits for.
 */
export function SlowListNotice() {
  const toast = useToast();
  useEffect(() => {
    const timer = setTimeout(() => {
      if (document.querySelector("[data-loading-agents]")) {
        toast("warning", "LiveChat is taking longer than usual to answer. Still trying…");
      }
    }, SLOW_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  return null;
}
