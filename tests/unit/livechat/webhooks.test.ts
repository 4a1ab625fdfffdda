import { describe, expect, it } from "vitest";
import { parseAppWebhook } from "@/lib/livechat/webhooks";

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
      clientId: "9cbf3a968289727cb3cdfe83ab1d9836",
      organizationId: "49d52fa5-0a41-4384-985a-cebe7dc92d27",
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
