import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// AES-256-GCM for tokens at rest. A stored value is `v1:<key id>:<iv>:<ciphertext>:<tag>`
// (base64url parts). The key id travels with the value so that keys can rotate: new writes use
// the current key, values written under a previous key stay readable while that key is listed.

export interface Keyring {
  current: { id: string; key: Buffer };
  all: Map<string, Buffer>;
}

export class TokenCryptoError extends Error {
  constructor(
    readonly code: "invalid_key" | "unknown_key" | "malformed" | "tampered",
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "TokenCryptoError";
  }
}

function parseKey(spec: string): [string, Buffer] {
  const separator = spec.indexOf(":");
  const id = spec.slice(0, separator);
  const key = Buffer.from(spec.slice(separator + 1), "base64");
  if (separator < 1 || key.length !== 32) {
    throw new TokenCryptoError(
      "invalid_key",
      "A token encryption key must be KEY_ID:BASE64 of 32 bytes.",
    );
  }
  return [id, key];
}

/** Builds a keyring from `id:base64` specs: the current key first, then the previous ones. */
export function createKeyring(current: string, previous: string[] = []): Keyring {
  const [id, key] = parseKey(current);
  const all = new Map(previous.map(parseKey));
  all.set(id, key);
  return { current: { id, key }, all };
}

/** A new key spec for TOKEN_ENCRYPTION_KEY: a dated id and 32 random bytes. */
export function generateKeySpec(now = new Date()): string {
  const id = `k${now.toISOString().slice(0, 10).replaceAll("-", "")}${randomBytes(2).toString("hex")}`;
  return `${id}:${randomBytes(32).toString("base64")}`;
}

/** `context` (e.g. the account id and the column) is authenticated too: a value moved to another row fails. */
export function encryptToken(plaintext: string, keyring: Keyring, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.key, iv).setAAD(
    Buffer.from(context),
  );
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString("base64url"));
  return ["v1", keyring.current.id, ...parts].join(":");
}

const TAG_BYTES = 16;

export function decryptToken(stored: string, keyring: Keyring, context: string): string {
  const [version, keyId, ...parts] = stored.split(":");
  if (version !== "v1" || !keyId || parts.length !== 3) {
    throw new TokenCryptoError("malformed", "A stored token is not in the v1 encrypted format.");
  }
  const key = keyring.all.get(keyId);
  if (!key) {
    throw new TokenCryptoError(
      "unknown_key",
      `A stored token needs key "${keyId}"; add it to TOKEN_ENCRYPTION_PREVIOUS_KEYS.`,
    );
  }
  const [iv, ciphertext, tag] = parts.map((part) => Buffer.from(part, "base64url")) as [
    Buffer,
    Buffer,
    Buffer,
  ];
  try {
    // The full 16-byte tag, always: GCM would otherwise accept a truncated one, far easier to forge.
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES })
      .setAAD(Buffer.from(context))
      .setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch (cause) {
    throw new TokenCryptoError(
      "tampered",
      "A stored token failed authentication: it was altered or moved.",
      { cause },
    );
  }
}
