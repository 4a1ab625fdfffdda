import "server-only";
import { cache } from "react";
import type { ReauthenticationReason } from "@/lib/auth/errors";
import { getLiveChatAccount } from "@/lib/auth/tokens";
import { LiveChatSession } from "./livechat-session";
import { toOrganizationSummary } from "./organization";
import { expectedFailure } from "./outcome";
import type { OrganizationSummary, Problem } from "./types";

export type { LiveChatSession } from "./livechat-session";

/**
 * The signed-in user as a page needs them before it streams: ready (with the LiveChat session the
 * page's LiveChat reads take), LiveChat unreachable (the organization can still be shown), or a
 * sign-in LiveChat no longer accepts (the page redirects, which it can only do before streaming).
 */
export type Viewer =
  | { kind: "ready"; organization: OrganizationSummary | null; livechat: LiveChatSession }
  | (Problem & { organization: OrganizationSummary | null })
  | { kind: "reauthenticate"; reason: ReauthenticationReason };

/**
 * One SQL statement: the user's LiveChat account (tokens), its organization and the installer's
 * name. A fresh token needs nothing more; one within the refresh margin, or expired, is refreshed
 * here, so that a refused refresh still redirects. Read once per request however often asked.
 */
export const getViewer = cache(async (userId: string): Promise<Viewer> => {
  const account = await getLiveChatAccount(userId);
  if (!account) return { kind: "reauthenticate", reason: "no_tokens" };
  const organization = account.organization && toOrganizationSummary(account.organization);
  try {
    const grant = await account.accessGrant();
    return {
      kind: "ready",
      organization,
      livechat: new LiveChatSession(userId, account.accountId, grant, organization?.region),
    };
  } catch (error) {
    const failure = expectedFailure(error);
    return failure.kind === "problem" ? { ...failure, organization } : failure;
  }
});
