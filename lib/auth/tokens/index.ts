// The token store: the only code that reads or writes the Account token columns, and the only
// module the rest of the app imports from this folder. Tokens are sealed (AES-256-GCM) at rest,
// refreshed once per expiry across processes, and revoked at LiveChat when they are replaced or
// the user signs out.
//
//   store.ts          read a fresh access token (alone, or with the account's organization),
//                     refresh after a rejection, sign-out, clear
//   sign-in.ts        write the tokens of a sign-in (first link, or a later sign-in)
//   refresh-lease.ts  one refresh per expiry: a shared promise in-process, a row lease across
//   refresh-policy.ts when to refresh, and what a failed refresh means
//   sealing.ts        tokens <-> columns, bound to account and column; crypto.ts does AES-GCM
//   revocation.ts     best-effort revocation at LiveChat
export {
  clearTokens,
  getAccessToken,
  getLiveChatAccount,
  refreshRejectedToken,
  revokeUserTokens,
} from "./store";
export type { AccessGrant, AccountOrganization, LiveChatAccount } from "./store";
export { linkNewAccount, replaceSignInTokens, tokenSetOfSignIn } from "./sign-in";
export { revokeQuietly } from "./revocation";
export { accountsConfig } from "./accounts-config";
export { openSecret, sealSecret } from "./sealing";
