import { timingSafeEqual } from "node:crypto";

/** Compares a secret (a state, a shared secret) without leaking through timing how much matched. */
export function sameText(given: string | null | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? "");
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
