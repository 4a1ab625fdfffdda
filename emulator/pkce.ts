import { createHash } from "node:crypto";
import { safeEqual } from "./secrets";

export type PkceMethod = "S256" | "plain";

// RFC 7636: verifiers and challenges are 43-128 unreserved characters.
const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;

export function isValidPkceValue(value: string): boolean {
  return PKCE_VALUE.test(value);
}

/** LiveChat's default method is `plain`; its docs write `s256` and its SDK sends `S256`. */
export function parsePkceMethod(method: string | null): PkceMethod | null {
  if (method === null || method === "plain") return "plain";
  if (method === "S256" || method === "s256") return "S256";
  return null;
}

export function verifyPkce(method: PkceMethod, challenge: string, verifier: string): boolean {
  if (!isValidPkceValue(verifier)) return false;
  const expected =
    method === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
  return safeEqual(expected, challenge);
}
