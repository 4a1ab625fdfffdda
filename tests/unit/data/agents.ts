import type { Agent } from "@/lib/livechat";

/** An agent as lib/livechat maps it, with what a test does not care about filled in. */
export const agent = (id: string, name: string, extra: Partial<Agent> = {}): Agent => ({
  id,
  accountId: `acc-${id}`,
  name,
  avatarUrl: null,
  role: "normal",
  ...extra,
});
