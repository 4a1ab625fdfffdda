// Reading and writing `.env.local` without losing what the setup does not manage: its lines are
// kept in place, managed variables are replaced where they stand or appended.

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/;

/** The variables of an env file (the last assignment wins), values unquoted. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = LINE.exec(line);
    if (!match) continue;
    let value = line.slice(match[0].length).trim();
    if (/^".*"$/.test(value)) value = unescape(value);
    else if (/^'.*'$/.test(value)) value = value.slice(1, -1);
    values[match[1]!] = value;
  }
  return values;
}

/** A double-quoted value, as JSON writes it (dotenv reads \n and \" the same way). */
function unescape(value: string): string {
  try {
    return JSON.parse(value) as string;
  } catch {
    return value.slice(1, -1);
  }
}

const quoted = (value: string) => (/^[\w@%+=:,./-]*$/.test(value) ? value : JSON.stringify(value));

/**
 * `existing` with `managed` set: a managed variable already there is replaced on its line, a new
 * one appended under a comment; every other line stays as it was. A value of `null` removes it.
 */
export function mergeEnvFile(existing: string, managed: Record<string, string | null>): string {
  const pending = new Map(Object.entries(managed));
  const lines = existing ? existing.replace(/\r?\n$/, "").split(/\r?\n/) : [];
  const kept: string[] = [];
  for (const line of lines) {
    const name = LINE.exec(line)?.[1];
    if (!name || !pending.has(name)) {
      kept.push(line);
      continue;
    }
    const value = pending.get(name);
    pending.delete(name);
    if (value !== null && value !== undefined) kept.push(`${name}=${quoted(value)}`);
  }
  const added = [...pending].filter(([, value]) => value !== null);
  if (added.length) {
    if (kept.length) kept.push("");
    kept.push("# Written by npm run setup");
    for (const [name, value] of added) kept.push(`${name}=${quoted(value!)}`);
  }
  return `${kept.join("\n")}\n`;
}
