import { afterEach, describe, expect, it, vi } from "vitest";
import { log, logLine, redact } from "@/lib/log";

// Token shapes as LiveChat issues them (global-accounts-api spec examples) and as this app
// stores them (lib/auth/tokens/crypto.ts), plus the emulator's.
const ACCESS_TOKENS = [
  "dal:test_8bXkvS1AAm2Ypz0kYmDk3WXS0sQ",
  "fra-a:a1jPRLbbS6uNVDHXjYqkfg",
  "dal:L9A0-HVWRSK7mrmqiBSyCe5Rgak",
];
const REFRESH_TOKEN = "Hj7yQ2oXh0d3sR9mC8kLwZp4VbN6tYfA1eGqUiOcJxM";
const SEALED =
  "v1:k1:Zm9vYmFyYmF6cXV4:QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0MTIz:dGFnMTIzNDU2Nzg5MDEy";
const SESSION_ID = "3f1c8a2e-9b7d-4e6f-a1c2-5d8e9f0a1b2c";
const CODE = "dal:Q2hhdENvZGVGb3JUZXN0aW5nMDAx";

describe("redact", () => {
  it.each([...ACCESS_TOKENS, REFRESH_TOKEN, SEALED, SESSION_ID, CODE])(
    "removes %s wherever it appears in a message",
    (secret) => {
      for (const text of [
        `refresh failed for ${secret}`,
        `Authorization: Bearer ${secret}`,
        `{"access_token":"${secret}","expires_in":28800}`,
        `/v2/token?refresh_token=${encodeURIComponent(secret)}&grant_type=refresh_token`,
        `code=${secret}`,
      ]) {
        expect(redact(text)).not.toContain(secret);
        expect(redact(text)).toContain("[redacted]");
      }
    },
  );

  it("removes the password of a connection string and every secret-named value", () => {
    const text = redact(
      "connect postgres://app:hunter2@db.example.com:5432/app failed; client_secret=abc password: pw1",
    );
    expect(text).not.toMatch(/hunter2|abc\b|pw1/);
    expect(text).toContain("postgres://app:[redacted]@db.example.com:5432/app");
  });

  it("keeps the words an operator needs", () => {
    expect(redact("LiveChat API call failed: internal (503)")).toBe(
      "LiveChat API call failed: internal (503)",
    );
    expect(redact("invalid_grant: refresh token expired")).toBe(
      "invalid_grant: refresh token expired",
    );
  });
});

describe("logLine", () => {
  it("is one JSON line with level, event and request id, fields redacted by key and by shape", () => {
    const line = logLine(
      "error",
      "livechat.refresh_failed",
      {
        accessToken: "anything at all",
        detail: `token ${ACCESS_TOKENS[0]} refused\nforged line`,
        nested: { headers: { authorization: "Bearer x", cookie: "next-auth.session-token=abc" } },
        status: 401,
      },
      "0b7c9e2a-4f1d-4c3b-9a8e-6d5f4e3c2b1a",
    );
    expect(line).not.toMatch(/\n/);
    const parsed = JSON.parse(line);
    expect(parsed).toMatchObject({
      level: "error",
      event: "livechat.refresh_failed",
      requestId: "0b7c9e2a-4f1d-4c3b-9a8e-6d5f4e3c2b1a",
      accessToken: "[redacted]",
      status: 401,
      nested: { headers: { authorization: "[redacted]", cookie: "[redacted]" } },
    });
    expect(parsed.detail).toBe("token [redacted] refused forged line");
    expect(Date.parse(parsed.time)).not.toBeNaN();
  });

  it("drops a request id that is not the proxy's UUID", () => {
    expect(JSON.parse(logLine("info", "x", {}, "forged\nid"))).not.toHaveProperty("requestId");
  });

  it("writes an Error as its name and redacted message, never its stack", () => {
    const parsed = JSON.parse(
      logLine("warn", "x", { error: new Error(`revoke ${REFRESH_TOKEN} failed`) }),
    );
    expect(parsed.error).toBe("Error: revoke [redacted] failed");
  });
});

describe("log", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes errors to stderr, outside a request without an id", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    log.error("test.event", { status: 500 });
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(1));
    const parsed = JSON.parse(String(error.mock.calls[0]![0]));
    expect(parsed).toMatchObject({ level: "error", event: "test.event", status: 500 });
    expect(parsed).not.toHaveProperty("requestId");
  });
});
