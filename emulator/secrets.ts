import { randomBytes, timingSafeEqual } from "node:crypto";

/** A random base64url string: codes and tokens are never derived from fixtures. */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

/** Constant-time comparison, so secrets and verifiers do not leak through timing. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
