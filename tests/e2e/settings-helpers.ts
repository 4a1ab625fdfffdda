import type { FrameLocator, Locator, Page } from "@playwright/test";
import { withDatabase } from "../../scripts/lib/app-database";
import { stack } from "../../scripts/lib/stack-env";

// What the settings suites (the dashboard's page, the Settings widget) and the toast suite share.

/** The server's answer to a save by an agent who is not an admin. */
export const ADMINS_ONLY =
  "Only the organization's owner, vice owners and administrators can change settings.";

/** Every organization's stored settings, read with plain SQL. */
export const storedSettings = () =>
  withDatabase(stack.databaseUrl, async (db) => {
    const { rows } = await db.query(
      `SELECT "defaultStatuses", note FROM "OrganizationSettings" ORDER BY "organizationId"`,
    );
    return rows as Array<{ defaultStatuses: string[]; note: string }>;
  });

/** The settings form, on a page or inside a widget's frame. */
export const settingsForm = (scope: Page | FrameLocator) =>
  scope.getByRole("form", { name: "Settings" });

/** A toast of `kind` (error, success, warning), on a page or inside a widget's frame. */
export const toast = (scope: Page | FrameLocator, kind: string) =>
  scope.locator(`.toasts [data-toast="${kind}"]`);

/** What a user with devtools can do to a form the page disabled: enable every control again. */
export const enableLikeDevtools = (form: Locator) =>
  form.evaluate((element) =>
    element.querySelectorAll("[disabled], [aria-disabled]").forEach((node) => {
      node.removeAttribute("disabled");
      node.removeAttribute("aria-disabled");
    }),
  );
