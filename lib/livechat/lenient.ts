import type { z } from "zod";

// LiveChat's answers are read item by item and field by field: one odd value costs that value,
// one item without an id costs that item, and neither ever costs the whole answer.

export type FieldSchemas = Record<string, z.ZodType>;

/** The fields of `S` that a lenient read kept: each one optional. */
export type KeptFields<S extends FieldSchemas> = { [K in keyof S]?: z.infer<S[K]> };

/** What a lenient read kept of one item (null: nothing), and which of its parts it could not read. */
export type LenientItem<W> = { wire: W | null; skipped: string[] };

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
