import { describe, expect, it } from "vitest";
import {
  createKeyring,
  decryptToken,
  encryptToken,
  generateKeySpec,
  TokenCryptoError,
} from "@/lib/auth/tokens/crypto";

const oldKey = generateKeySpec(new Date("2026-01-01"));
const newKey = generateKeySpec(new Date("2026-06-01"));
const token = "dal:test_YTJQ6GDVgQf8kQDPw";

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof TokenCryptoError ? error.code : "other";
  }
  return undefined;
}

describe("token encryption", () => {
  it("round-trips a token and never stores it in the clear", () => {
    const keyring = createKeyring(newKey);
    const sealed = encryptToken(token, keyring, "acc:access");
    expect(sealed).toMatch(/^v1:k20260601[0-9a-f]{4}:/);
    expect(sealed).not.toContain("YTJQ6GDVgQf8kQDPw");
    expect(decryptToken(sealed, keyring, "acc:access")).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    const keyring = createKeyring(newKey);
    expect(encryptToken(token, keyring, "c")).not.toBe(encryptToken(token, keyring, "c"));
  });

  it("detects tampering with the ciphertext, the tag or the IV", () => {
    const keyring = createKeyring(newKey);
    const parts = encryptToken(token, keyring, "c").split(":");
    for (const index of [2, 3, 4]) {
      const altered = [...parts];
      const part = altered[index]!;
      altered[index] = (part[0] === "A" ? "B" : "A") + part.slice(1);
      expect(errorCode(() => decryptToken(altered.join(":"), keyring, "c"))).toBe("tampered");
    }
  });

  it("refuses a value whose authentication tag was cut short", () => {
    const keyring = createKeyring(newKey);
    const parts = encryptToken(token, keyring, "c").split(":");
    for (const bytes of [4, 8, 12, 15]) {
      const tag = Buffer.from(parts[4]!, "base64url").subarray(0, bytes).toString("base64url");
      const cut = [...parts.slice(0, 4), tag].join(":");
      expect(errorCode(() => decryptToken(cut, keyring, "c"))).toBe("tampered");
    }
  });

  it("refuses a value moved to another account or column", () => {
    const keyring = createKeyring(newKey);
    const sealed = encryptToken(token, keyring, "account-1:access");
    expect(errorCode(() => decryptToken(sealed, keyring, "account-2:access"))).toBe("tampered");
    expect(errorCode(() => decryptToken(sealed, keyring, "account-1:refresh"))).toBe("tampered");
  });

  it("rotates keys: old values stay readable with the previous key, new writes use the current one", () => {
    const before = encryptToken(token, createKeyring(oldKey), "c");
    const rotated = createKeyring(newKey, [oldKey]);
    expect(decryptToken(before, rotated, "c")).toBe(token);
    const after = encryptToken(token, rotated, "c");
    expect(after.split(":")[1]).toBe(newKey.split(":")[0]);
    expect(errorCode(() => decryptToken(after, createKeyring(oldKey), "c"))).toBe("unknown_key");
  });

  it("names the missing key when a previous key was dropped too early", () => {
    const before = encryptToken(token, createKeyring(oldKey), "c");
    expect(() => decryptToken(before, createKeyring(newKey), "c")).toThrow(oldKey.split(":")[0]!);
  });

  it("rejects plaintext or malformed stored values and bad key specs", () => {
    const keyring = createKeyring(newKey);
    expect(errorCode(() => decryptToken(token, keyring, "c"))).toBe("malformed");
    expect(errorCode(() => createKeyring("no-separator"))).toBe("invalid_key");
    expect(errorCode(() => createKeyring(`short:${Buffer.alloc(16).toString("base64")}`))).toBe(
      "invalid_key",
    );
  });
});
