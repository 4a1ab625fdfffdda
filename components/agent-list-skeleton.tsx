import { SkeletonAvatar, SkeletonText, SkeletonWrapper } from "./ds";

const ROWS = 6;

/** Stands in for the agent list while LiveChat answers (see SlowListNotice for the toast). */
export function AgentListSkeleton() {
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
