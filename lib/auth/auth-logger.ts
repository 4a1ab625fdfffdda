import type { LoggerInstance } from "next-auth";
import { log, redact } from "@/lib/log";
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

/** Redacted, then bounded (a cut must never leave half a token unrecognised). */
const bounded = (text: string, max: number) => redact(text).slice(0, max);

/**
 * next-auth's logger: one redacted line per error (lib/log.ts), no metadata objects (they can
 * hold tokens). Each error also tells the sign-in error page what went wrong.
 */
export const authLogger: Partial<LoggerInstance> = {
  error(code, metadata) {
    const text = describe(metadata);
    noteSignInError(text);
    log.error("auth.error", {
      nextAuthCode: bounded(String(code), 60),
      message: bounded(text, 300),
    });
  },
  warn(code) {
    log.warn("auth.warning", { nextAuthCode: bounded(String(code), 60) });
  },
  debug() {},
};
