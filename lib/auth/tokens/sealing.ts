import "server-only";
import { env } from "@/lib/env";
import type { TokenSet } from "@/lib/livechat";
import { createKeyring, decryptToken, encryptToken, type Keyring } from "./crypto";

type TokenKind = "access" | "refresh";

let keyring: Keyring | undefined;

function currentKeyring(): Keyring {
  keyring ??= createKeyring(env().tokenKeys.current, env().tokenKeys.previous);
  return keyring;
}

// The LiveChat account id and the column are bound into each ciphertext, so a value copied to
// another row or column does not decrypt.
const context = (accountId: string, kind: TokenKind) => `livechat:${accountId}:${kind}`;

function seal(token: string, accountId: string, kind: TokenKind): string {
  return encryptToken(token, currentKeyring(), context(accountId, kind));
}

export function unseal(stored: string, accountId: string, kind: TokenKind): string {
  return decryptToken(stored, currentKeyring(), context(accountId, kind));
}

/** For revocation, which is best effort: a value that no longer decrypts is simply skipped. */
export function unsealOrNull(
  stored: string | null,
  accountId: string,
  kind: TokenKind,
): string | null {
  try {
    return stored ? unseal(stored, accountId, kind) : null;
  } catch {
    return null;
  }
}

/** The Account token columns for a token set, sealed. */
export function sealedColumns(tokens: TokenSet) {
  return {
    accessToken: seal(tokens.accessToken, tokens.accountId, "access"),
    refreshToken: tokens.refreshToken
      ? seal(tokens.refreshToken, tokens.accountId, "refresh")
      : null,
    accessTokenExpiresAt: tokens.expiresAt,
    scope: tokens.scope,
    tokenType: tokens.tokenType,
  };
}

/**
 * Seals a secret of the app's own (a pending widget sign-in's PKCE verifier) under the token key,
 * bound to `purpose` as the tokens are bound to their row and column.
 */
export function sealSecret(plaintext: string, purpose: string): string {
  return encryptToken(plaintext, currentKeyring(), `app:${purpose}`);
}

/** The sealed secret, or null when it was altered, sealed for another purpose, or under a key gone since. */
export function openSecret(stored: string, purpose: string): string | null {
  try {
    return decryptToken(stored, currentKeyring(), `app:${purpose}`);
  } catch {
    return null;
  }
}
