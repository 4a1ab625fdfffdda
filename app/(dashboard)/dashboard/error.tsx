"use client";

import { ErrorPanel } from "@/components/error-panel";

export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  return <ErrorPanel what="The dashboard" reset={reset} />;
}
