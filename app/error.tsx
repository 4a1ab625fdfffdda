"use client";

import { ErrorPanel } from "@/components/error-panel";

export default function AppError({ reset }: { error: Error; reset: () => void }) {
  return <ErrorPanel what="This page" reset={reset} />;
}
