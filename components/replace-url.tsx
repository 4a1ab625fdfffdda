"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Moves the address bar to `href` without a new history entry (e.g. past the last page). */
export function ReplaceUrl({ href }: { href: string }) {
  const router = useRouter();
  useEffect(() => router.replace(href, { scroll: false }), [href, router]);
  return null;
}
