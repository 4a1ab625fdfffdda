import type { LoggerInstance } from "next-auth";
import { noteSignInError } from "./sign-in-error";

function describe(metadata: unknown): string {
  if (metadata instanceof Error) {
    return `${metadata.message} ${String((metadata as { code?: unknown }).code ?? "")}`;
  }
  if (metadata && typeof metadata === "object" && "error" in metadata) {
    return describe(metadata.error);
  }
  return String(metadata);
}

/** One line, bounded: nothing logged can forge further log lines. */
const oneLine = (text: string, max: number) =>
  text
    .replace(/[\r\n\t\x00-\x1f\x7f]+/g, " ")
    .trim()
    .slice(0, max);

/**
 * next-auth's logger: one line per error, no metadata objects (they can hold tokens). Each error
 * also tells the sign-in error page what went wrong.
 */
export const authLogger: Partial<LoggerInstance> = {
  error(code, metadata) {
    const text = describe(metadata);
    noteSignInError(text);
    console.error(`[auth] ${oneLine(String(code), 60)}: ${oneLine(text, 300)}`);
  },
  warn(code) {
    console.warn(`[auth] ${oneLine(String(code), 60)}`);
  },
  debug() {},
};
