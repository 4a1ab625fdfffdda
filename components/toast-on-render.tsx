"use client";

import { useEffect } from "react";
import { useToast, type ToastKind } from "./toaster";

/**
 * Shows a toast when a server-rendered section arrives, once per `id` (e.g. the time LiveChat
 * answered), so a re-render does not repeat it and a refresh that fails again shows it again.
 */
export function ToastOnRender({
  id,
  kind,
  message,
}: {
  id: string;
  kind: ToastKind;
  message: string;
}) {
  const toast = useToast();
  useEffect(() => {
    toast(kind, message);
  }, [id, kind, message, toast]);
  return null;
}
