import { describe, expect, it } from "vitest";
import {
  parseAppWebhook,
  WEBHOOK_MAX_AGE_MS,
  WEBHOOK_MAX_SKEW_MS,
  webhookDigest,
  webhookFreshness,
  type InstallationEvent,
} from "@/lib/livechat/webhooks";

// The sample body from LiveChat's app webhooks documentation.
const sample = {
  applicationID: "aPbNnrwZg",
  applicationName: "Google Calendar for LiveChat",
  clientID: "9cbf3a968289727cb3cdfe83ab1d9836",
  date: "2020-09-14T15:29:49+02:00",
  event: "application_uninstalled",
  licenseID: 104130623,
  organizationID: "49d52fa5-0a41-4384-985a-cebe7dc92d27",
  payload: { applicationID: "aPbNnrwZg" },
  userID: "40c66719-96d1-4cc9-8e81-01c084915fa6",
};

describe("parseAppWebhook", () => {
  it("reads LiveChat's uninstall and install events", () => {
    expect(parseAppWebhook(sample)).toEqual({
      kind: "uninstalled",
      event: "application_uninstalled",
      clientId: "9cbf3a968289727cb3cdfe83ab1d9836",
      organizationId: "49d52fa5-0a41-4384-985a-cebe7dc92d27",
      applicationId: "aPbNnrwZg",
      userId: "40c66719-96d1-4cc9-8e81-01c084915fa6",
      date: new Date("2020-09-14T13:29:49Z"),
    });
    expect(parseAppWebhook({ ...sample, event: "application_installed" })?.kind).toBe("installed");
  });

  it("accepts payment and future events as ones to ignore", () => {
    expect(parseAppWebhook({ ...sample, event: "payment_collected" })).toMatchObject({
      kind: "ignored",
      event: "payment_collected",
    });
  });

  it("tolerates fields LiveChat may add", () => {
    expect(parseAppWebhook({ ...sample, somethingNew: true })?.kind).toBe("uninstalled");
  });

  it.each([
    ["null", null],
    ["a string", "application_uninstalled"],
    ["no clientID", { ...sample, clientID: undefined }],
    ["an empty organizationID", { ...sample, organizationID: "" }],
    ["no event", { ...sample, event: undefined }],
    ["a licenseID that is not a number", { ...sample, licenseID: "104130623" }],
  ])("refuses %s", (_, body) => {
    expect(parseAppWebhook(body)).toBeNull();
  });
});

describe("an install or uninstall's date", () => {
  const dateOf = (date: unknown) =>
    (parseAppWebhook({ ...sample, date }) as InstallationEvent | null)?.date;

  it("is read as LiveChat writes it, with a numeric offset, and with Z or a fraction", () => {
    expect(dateOf("2020-09-14T15:29:49+02:00")).toEqual(new Date("2020-09-14T13:29:49.000Z"));
    expect(dateOf("2020-09-14T13:29:49Z")).toEqual(new Date("2020-09-14T13:29:49.000Z"));
    expect(dateOf("2020-09-14T13:29:49.250-01:30")).toEqual(new Date("2020-09-14T14:59:49.250Z"));
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["not a date", "yesterday"],
    ["without an offset (whose local time?)", "2020-09-14T15:29:49"],
    ["a date only", "2020-09-14"],
    ["epoch seconds", "1600090189"],
    ["out of range", "2020-13-45T25:61:00Z"],
  ])("is null when %s: such an event cannot be checked for age", (_, date) => {
    expect(dateOf(date)).toBeNull();
  });
});

describe("webhookFreshness", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

  it.each([
    ["just sent", 0, "fresh"],
    ["LiveChat's last retry, a minute later", -60_000, "fresh"],
    ["exactly the window old", -WEBHOOK_MAX_AGE_MS, "fresh"],
    ["a moment older than the window", -WEBHOOK_MAX_AGE_MS - 1, "too_old"],
    ["an hour old", -3_600_000, "too_old"],
    ["slightly ahead (clock skew)", WEBHOOK_MAX_SKEW_MS, "fresh"],
    ["further ahead than the skew", WEBHOOK_MAX_SKEW_MS + 1, "in_future"],
    ["a day ahead", 86_400_000, "in_future"],
  ])("%s: %s", (_, offsetMs, expected) => {
    expect(webhookFreshness(at(offsetMs as number), now)).toBe(expected);
  });
});

describe("webhookDigest", () => {
  const event = parseAppWebhook(sample) as InstallationEvent & { date: Date };
  const digestOf = (body: Record<string, unknown>) =>
    webhookDigest(parseAppWebhook(body) as InstallationEvent & { date: Date });

  it("is a sha256 hex that stays the same for the same event", () => {
    expect(webhookDigest(event)).toMatch(/^[0-9a-f]{64}$/);
    expect(webhookDigest(event)).toBe(webhookDigest({ ...event }));
    // Pinned: a digest stored by one release must still match in the next. This is sha256 of
    // ["uninstalled","49d52fa5-…","aPbNnrwZg","2020-09-14T13:29:49.000Z","40c66719-…"].
    expect(webhookDigest(event)).toBe(
      "11b16a8b7ede3543ea1482484415e6c1bcb9b4c9ed556085605dcfbf26ad8cd5",
    );
  });

  it("ignores what does not identify the event: key order, extra fields, how the date is written", () => {
    const reordered = Object.fromEntries(Object.entries(sample).reverse());
    expect(digestOf(reordered)).toBe(webhookDigest(event));
    expect(digestOf({ ...sample, applicationName: "Renamed", padding: "x" })).toBe(
      webhookDigest(event),
    );
    expect(digestOf({ ...sample, date: "2020-09-14T13:29:49Z" })).toBe(webhookDigest(event));
  });

  it.each([
    ["event", { event: "application_installed" }],
    ["organizationID", { organizationID: "another-organization" }],
    ["applicationID", { applicationID: "another-app" }],
    ["date", { date: "2020-09-14T15:29:50+02:00" }],
    ["userID", { userID: "someone-else" }],
  ])("changes with the %s", (_, change) => {
    expect(digestOf({ ...sample, ...change })).not.toBe(webhookDigest(event));
  });
});
