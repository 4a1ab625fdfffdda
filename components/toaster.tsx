"use client";

import { Toast } from "@livechat/design-system-react-components";
import { createContext, useCallback, useContext, useMemo, useState } from "react";

// LiveChat's Marketplace review asks for a toast on a failed network request and on a change
// that succeeded. One toaster for the whole app; pages and components call `useToast()`.

export type ToastKind = "success" | "warning" | "error" | "info";

interface ShownToast {
  id: number;
  kind: ToastKind;
  message: string;
}

type ShowToast = (kind: ToastKind, message: string) => void;

const ToastContext = createContext<ShowToast>(() => {});

/** How long a toast stays; errors stay until closed, so nobody misses one. */
const VISIBLE_MS: Record<ToastKind, number | null> = {
  success: 4000,
  info: 5000,
  warning: 8000,
  error: null,
};

let nextId = 0;

export function Toaster({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const close = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback<ShowToast>(
    (kind, message) => {
      const id = ++nextId;
      // The same message twice in a row (a retry that failed again) replaces the first one.
      setToasts((all) => [...all.filter((t) => t.message !== message), { id, kind, message }]);
      const ms = VISIBLE_MS[kind];
      if (ms !== null) setTimeout(() => close(id), ms);
    },
    [close],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="region" aria-label="Notifications">
        {toasts.map((toast) => (
          <Toast
            key={toast.id}
            kind={toast.kind}
            removable
            onClose={() => close(toast.id)}
            role={toast.kind === "error" ? "alert" : "status"}
            data-toast={toast.kind}
          >
            {toast.message}
          </Toast>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ShowToast {
  return useContext(ToastContext);
}
