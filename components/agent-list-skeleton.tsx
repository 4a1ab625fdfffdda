"use client";

import {
  SkeletonAvatar,
  SkeletonText,
  SkeletonWrapper,
} from "@livechat/design-system-react-components";
import { useEffect } from "react";
import { useToast } from "./toaster";

const SLOW_MS = 4000;
const ROWS = 6;

/** Stands in for the agent list while LiveChat answers; a slow answer gets a toast. */
export function AgentListSkeleton() {
  const toast = useToast();
  useEffect(() => {
    const timer = setTimeout(
      () => toast("warning", "LiveChat is taking longer than usual to answer. Still trying…"),
      SLOW_MS,
    );
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div
      className="panel stack"
      role="status"
      aria-busy="true"
      aria-label="Loading agents"
      data-loading-agents
    >
      {Array.from({ length: ROWS }, (_, i) => (
        <SkeletonWrapper key={i}>
          <SkeletonAvatar size={32} />
          <SkeletonText width={180} height={14} />
          <SkeletonText width={120} height={14} />
        </SkeletonWrapper>
      ))}
    </div>
  );
}
