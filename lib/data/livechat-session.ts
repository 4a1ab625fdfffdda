import "server-only";
import type { AccessGrant } from "@/lib/auth/tokens";

/**
 * The signed-in user's LiveChat session for this request: who it is (user id, LiveChat account id)
 * and the access token its calls go out with. Opaque and server-only: it holds the token, so never
 * pass it to a client component or put it in a DTO (being a class instance, React refuses to
 * serialize it to the browser, and the token, a private field, is not even in its JSON).
 * `getViewer` makes one; `getAgentPage` and `getAgentDetail` take it.
 */
export class LiveChatSession {
  #grant: AccessGrant;
  #region: string | undefined;

  constructor(
    readonly userId: string,
    /** LiveChat's account id of the user (the `account_id` list_agents reports). */
    readonly accountId: string,
    grant: AccessGrant,
    /** The organization's region as remembered (Organization.region): where calls are directed. */
    region?: string,
  ) {
    this.#grant = grant;
    this.#region = region;
  }

  /** Where this session's calls go: the organization's remembered region, else the token's prefix. */
  static regionOf(session: LiveChatSession): string | undefined {
    return session.#region;
  }

  /** After a `misdirected_request`, later calls of the same request go where LiveChat said. */
  static redirect(session: LiveChatSession, region: string): void {
    session.#region = region;
  }

  /** For lib/data's LiveChat calls: the current grant. */
  static grantOf(session: LiveChatSession): AccessGrant {
    return session.#grant;
  }

  /** After a refresh, later calls of the same request use the new token. */
  static renew(session: LiveChatSession, grant: AccessGrant): void {
    session.#grant = grant;
  }
}
