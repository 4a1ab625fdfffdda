import type { OAuthConfig, OAuthUserConfig } from "next-auth/providers/oauth";

/**
 * The account LiveChat returns from `GET {accounts}/v2/accounts/me` (scope `accounts--my:ro`).
 * @see https://platform.text.com/docs/authorization/authorization-in-practice
 */
export interface LiveChatProfile {
  account_id: string;
  name: string;
  email: string;
  email_verified?: boolean;
  default_product?: string;
  default_organization_id?: string;
  avatar_url?: string | null;
  roles?: Array<{ role_id: string; product: string; role: string; type?: string }>;
  created_at?: string;
  updated_at?: string;
}

/** next-auth's id for LiveChat: the `provider` of every stored LiveChat account. */
export const LIVECHAT_PROVIDER_ID = "livechat";

export interface LiveChatProviderOptions extends OAuthUserConfig<LiveChatProfile> {
  /** The accounts server: https://accounts.livechat.com, the emulator, or a staging server. */
  accountsUrl: string;
  /** Access scopes to ask for, a subset of those configured for the app in the Developer Console. */
  scopes: string[];
}

/**
 * "Sign in with LiveChat": the OAuth 2.0 authorization code grant of LiveChat's accounts server,
 * with `state` and PKCE (S256). LiveChat's token response adds `account_id` and
 * `organization_id`; next-auth keeps every field of it on the `account` it hands to callbacks.
 *
 * @see https://platform.text.com/docs/authorization/authorization-code-grant
 */
export function LiveChatProvider(options: LiveChatProviderOptions): OAuthConfig<LiveChatProfile> {
  const { accountsUrl, scopes, ...config } = options;
  return {
    id: LIVECHAT_PROVIDER_ID,
    name: "LiveChat",
    type: "oauth",
    // LiveChat's authorization endpoint is the server's root path.
    authorization: {
      url: `${accountsUrl}/`,
      params: { response_type: "code", scope: scopes.join(",") },
    },
    token: `${accountsUrl}/v2/token`,
    userinfo: `${accountsUrl}/v2/accounts/me`,
    checks: ["state", "pkce"],
    // LiveChat wants the client secret in the body, not in an HTTP Basic header.
    client: { token_endpoint_auth_method: "client_secret_post" },
    httpOptions: { timeout: 10_000 },
    profile(profile) {
      return {
        id: profile.account_id,
        name: profile.name,
        email: profile.email,
        image: profile.avatar_url || null,
      };
    },
    ...config,
  };
}
