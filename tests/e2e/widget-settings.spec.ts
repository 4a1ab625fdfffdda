import { resetDatabase } from "../../scripts/lib/app-database";
import { emulator } from "../../scripts/lib/emulator-control";
import { stack } from "../../scripts/lib/stack-env";
import { expect, test } from "./fixtures";
import {
  ADMINS_ONLY,
  enableLikeDevtools,
  settingsForm,
  storedSettings,
  toast,
} from "./settings-helpers";
import { agentAppUrl, signInInFrame, widgetFrame } from "./widgets-helpers";

// The Settings widget in the emulator's Agent App (a third-party frame): an admin's save reaches
// the board in the fullscreen widget; a normal agent's forced save is refused by the server and
// the frame says so in a toast.

test.beforeEach(async () => {
  await resetDatabase(stack.databaseUrl);
  await emulator.reset();
});

test.afterAll(() => resetDatabase(stack.databaseUrl));

test("an admin saves the organization's settings inside the Settings widget, and the board in the fullscreen widget shows them", async ({
  page,
}) => {
  await page.goto(agentAppUrl("settings"));
  const settings = widgetFrame(page, "settings");
  await signInInFrame(page, "settings", "alice@acme.test");
  await settingsForm(settings).getByLabel("Note for every agent").fill("Lunch rota on the wiki.");
  await settingsForm(settings)
    .getByRole("checkbox", { name: "Accepting chats", exact: true })
    .check();
  await settingsForm(settings).getByRole("button", { name: "Save settings" }).click();
  // The sign-in's own toast may still be up beside it.
  await expect(toast(settings, "success").filter({ hasText: "Settings saved." })).toBeVisible();
  expect(await storedSettings()).toEqual([
    { defaultStatuses: ["accepting_chats"], note: "Lunch rota on the wiki." },
  ]);

  // The same partitioned session serves the other widget: the note and the default status.
  await page.goto(agentAppUrl("fullscreen"));
  const board = widgetFrame(page, "fullscreen");
  await expect(board.getByText("Lunch rota on the wiki.")).toBeVisible();
  const { agents } = await emulator.fixtures();
  const accepting = agents.filter(
    (a) => a.id.endsWith("@acme.test") && a.routing_status === "accepting_chats",
  );
  await expect(board.locator("tr[data-agent-id]")).toHaveCount(accepting.length);
});

test("a normal agent's forced save inside the Settings widget is refused by the server, with a toast", async ({
  page,
}) => {
  await page.goto(agentAppUrl("settings"));
  const settings = widgetFrame(page, "settings");
  await signInInFrame(page, "settings", "nora@acme.test");
  await expect(
    settingsForm(settings).getByRole("button", { name: "Save settings" }),
  ).toBeDisabled();

  // What a user with devtools can do inside the frame: enable the form and submit it.
  await enableLikeDevtools(settingsForm(settings));
  await settingsForm(settings).getByLabel("Note for every agent").fill("Nora was here.");
  await settingsForm(settings).getByRole("button", { name: "Save settings" }).click();

  await expect(toast(settings, "error")).toHaveText(ADMINS_ONLY);
  expect(await storedSettings()).toEqual([]);
});
