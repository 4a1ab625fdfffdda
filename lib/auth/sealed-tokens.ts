import "server-only";
import { env } from "@/lib/env";
import { createKeyring, decryptToken, encryptToken, type Keyring } from "./token-crypto";

type TokenKind = "access" | "refresh";

let keyring: Keyring | undefined;

function currentKeyring(): Keyring {
  keyring ??= createKeyring(env().tokenKeys.current, env().tokenKeys.previous);
  return keyring;
}

// The LiveChat account id and the column are bound into each ciphertext, so a value copied to
// another row or column does not decrypt.
const context = (accountId: string, kind: TokenKind) => `livechat:${accountId}:${kind}`;

export function seal(token: string, accountId: string, kind: TokenKind): string {
  return encryptToken(token, currentKeyring(), context(accountId, kind));
}

export function unseal(stored: string, accountId: string, kind: TokenKind): string {
  return decryptToken(stored, currentKeyring(), context(accountId, kind));
}
