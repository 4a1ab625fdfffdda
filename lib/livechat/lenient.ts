import type { z } from "zod";
import { log } from "@/lib/log";

// LiveChat's answers are read item by item and field by field: one odd value costs that value,
// one item without an id costs that item, and neither ever costs the whole answer.

export type FieldSchemas = Record<string, z.ZodType>;

/** The fields of `S` that a lenient read kept: each one optional. */
export type KeptFields<S extends FieldSchemas> = { [K in keyof S]?: z.infer<S[K]> };

/** What a lenient read kept of one item (null: nothing), and which of its parts it could not read. */
export type LenientItem<W> = { wire: W | null; skipped: string[] };

/**
 * One item of LiveChat's answer (an agent, a group): without an `id` that `id` accepts it is
 * skipped whole (`label` when it is not even an object), else only its odd fields are.
 */
export function readItem<I, S extends FieldSchemas>(
  raw: unknown,
  label: string,
  id: z.ZodType<I>,
  schemas: S,
): LenientItem<{ id: I } & KeptFields<S>> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { wire: null, skipped: [label] };
  }
  const item = raw as Record<string, unknown>;
  const parsedId = id.safeParse(item.id);
  if (!parsedId.success) return { wire: null, skipped: ["id"] };
  const { fields, skipped } = readFields(item, schemas);
  return { wire: { id: parsedId.data, ...fields }, skipped };
}

/** Each field of `raw` its schema accepts; the names of those it refused. Unknown fields are left out. */
export function readFields<S extends FieldSchemas>(
  raw: Record<string, unknown>,
  schemas: S,
): { fields: KeptFields<S>; skipped: string[] } {
  const fields: Record<string, unknown> = {};
  const skipped: string[] = [];
  for (const [key, schema] of Object.entries(schemas)) {
    if (raw[key] === undefined) continue;
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) fields[key] = parsed.data;
    else skipped.push(key);
  }
  return { fields: fields as KeptFields<S>, skipped };
}

/**
 * What one answer's lenient reads skipped: how many items were dropped whole, and how often each
 * part was refused; null when nothing was. Counts and field names only, fit for a log line.
 */
export function skippedCounts(
  parsed: readonly LenientItem<unknown>[],
): { items: number; fields: Record<string, number> } | null {
  const fields: Record<string, number> = {};
  let items = 0;
  for (const { wire, skipped } of parsed) {
    if (!wire) items += 1;
    for (const field of skipped) fields[field] = (fields[field] ?? 0) + 1;
  }
  return Object.keys(fields).length === 0 ? null : { items, fields };
}

/**
 * Logs, on one line per answer, what of it could not be read (`event`, with the dropped items'
 * count under `itemsKey`): counts and field names only, never an id, a name or an email.
 */
export function logSkipped(
  event: string,
  itemsKey: string,
  parsed: readonly LenientItem<unknown>[],
  context: Record<string, unknown> = {},
): void {
  const counts = skippedCounts(parsed);
  if (!counts) return;
  log.warn(event, {
    ...context,
    total: parsed.length,
    [itemsKey]: counts.items,
    fields: counts.fields,
  });
}
