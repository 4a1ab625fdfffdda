"use client";

import {
  Alert,
  Button,
  Checkbox,
  FieldDescription,
  FieldError,
  Text,
  Textarea,
} from "@livechat/design-system-react-components";
import { useState, useTransition } from "react";
import type {
  OrganizationSettingsView,
  SaveSettingsActionResult,
  SettingsInput,
} from "@/lib/data/types";
import { statusLabel } from "./status-badge";
import { useToast } from "./toaster";

// The organization's settings, for the standalone page and the settings widget alike: each passes
// the same server action. Agents who may not edit see the settings read-only; the server refuses a
// save from them anyway, so nothing here decides who may save.

type FieldErrors = Extract<SaveSettingsActionResult, { kind: "invalid" }>["fieldErrors"];
type Failure = Exclude<SaveSettingsActionResult, { kind: "saved" }>;

interface SettingsFormProps {
  settings: OrganizationSettingsView;
  /** The server action that saves (`saveSettingsAction`). */
  action: (input: SettingsInput) => Promise<SaveSettingsActionResult>;
  /** The routing statuses to offer, in order (the server's list). */
  statuses: readonly string[];
  /** The longest note the server accepts, in characters. */
  noteMaxLength: number;
}

const ADMINS_ONLY =
  "Only the organization's owner, vice owners and administrators can change settings.";

function failureMessage(result: Failure): string {
  switch (result.kind) {
    case "invalid":
      return "Settings were not saved: correct the fields marked in the form.";
    case "forbidden":
      return ADMINS_ONLY;
    case "problem":
      return result.problem === "livechat_unavailable"
        ? "LiveChat is unreachable: settings were not saved."
        : "LiveChat refused the request: settings were not saved.";
    case "reauthenticate":
    case "signed_out":
      return "Your sign-in has ended: sign in again, then save the settings.";
  }
}

const describedBy = (...ids: Array<string | false>) => ids.filter(Boolean).join(" ") || undefined;

const savedAt = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  });

export function SettingsForm({ settings, action, statuses, noteMaxLength }: SettingsFormProps) {
  const toast = useToast();
  const [saved, setSaved] = useState(settings);
  const [chosen, setChosen] = useState<string[]>(settings.defaultStatuses);
  const [note, setNote] = useState(settings.note);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, startTransition] = useTransition();
  const readOnly = !saved.canEdit;
  const noteLength = Array.from(note.trim()).length;

  const toggle = (status: string, on: boolean) =>
    setChosen((all) => statuses.filter((s) => (s === status ? on : all.includes(s))));

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input: SettingsInput = { defaultStatuses: chosen, note };
    startTransition(async () => {
      let result: SaveSettingsActionResult;
      try {
        result = await action(input);
      } catch {
        toast("error", "The app could not be reached: settings were not saved.");
        return;
      }
      if (result.kind === "saved") {
        setSaved(result.settings);
        setChosen(result.settings.defaultStatuses);
        setNote(result.settings.note);
        setErrors({});
        toast("success", "Settings saved.");
        return;
      }
      setErrors(result.kind === "invalid" ? result.fieldErrors : {});
      if (result.kind === "forbidden") setSaved((last) => ({ ...last, canEdit: false }));
      toast("error", failureMessage(result));
    });
  };

  return (
    <form className="stack" aria-label="Settings" onSubmit={submit} noValidate>
      {readOnly && (
        <div role="status">
          <Alert kind="info">
            {ADMINS_ONLY} You can see them here; ask one of them for a change.
          </Alert>
        </div>
      )}
      <fieldset
        className="fields"
        aria-describedby={describedBy(
          "settings-statuses-help",
          Boolean(errors.defaultStatuses) && "settings-statuses-error",
        )}
      >
        <legend className="label">Statuses the agents list shows by default</legend>
        {statuses.map((status) => (
          <Checkbox
            key={status}
            checked={chosen.includes(status)}
            disabled={readOnly}
            data-status={status}
            onChange={(event) => toggle(status, event.currentTarget.checked)}
          >
            {statusLabel(status)}
          </Checkbox>
        ))}
        <FieldDescription id="settings-statuses-help">
          None chosen shows every status. A status picked in the list&apos;s filter always wins.
        </FieldDescription>
        {errors.defaultStatuses && (
          <FieldError id="settings-statuses-error">{errors.defaultStatuses}</FieldError>
        )}
      </fieldset>
      <div className="fields">
        <label className="label" htmlFor="settings-note">
          Note for every agent
        </label>
        <Textarea
          id="settings-note"
          rows={4}
          value={note}
          disabled={readOnly}
          error={Boolean(errors.note)}
          aria-invalid={Boolean(errors.note)}
          aria-describedby={describedBy(
            "settings-note-help",
            Boolean(errors.note) && "settings-note-error",
          )}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <FieldDescription id="settings-note-help">
          Shown above the agents list to everyone in the organization. At most {noteMaxLength}{" "}
          characters ({noteLength} of {noteMaxLength}).
        </FieldDescription>
        {errors.note && <FieldError id="settings-note-error">{errors.note}</FieldError>}
      </div>
      {errors.form && <FieldError>{errors.form}</FieldError>}
      <div className="cluster">
        <Button type="submit" kind="primary" loading={pending} disabled={readOnly}>
          Save settings
        </Button>
        {saved.updatedAt && (
          <Text as="p" size="sm" className="muted" noMargin data-saved-at>
            Last saved <time dateTime={saved.updatedAt}>{savedAt(saved.updatedAt)}</time>
          </Text>
        )}
      </div>
    </form>
  );
}
