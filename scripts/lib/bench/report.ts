import { execFileSync } from "node:child_process";
import { cpus, release, totalmem, type } from "node:os";

// The one table `npm run bench` ends with, in Markdown for BENCHMARKS.md, under the machine and
// the code state it was measured on.

export interface Row {
  figure: string;
  measured: string;
  target: string;
  /** null: reported, no target to pass. */
  pass: boolean | null;
}

export function machine(): string {
  const [cpu] = cpus();
  const memory = (totalmem() / 2 ** 30).toFixed(1);
  return `${cpu?.model.trim() ?? "unknown CPU"} x ${cpus().length}, ${memory} GiB RAM, ${type()} ${release()}, Node ${process.version}`;
}

export function codeState(): string {
  const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
  try {
    const changed = git("status", "--porcelain").split("\n").filter(Boolean).length;
    const commit = `commit ${git("log", "-1", "--format=%h (%cs)")}`;
    return changed ? `${commit} + ${changed} uncommitted paths (work in progress)` : commit;
  } catch {
    return "not a git checkout";
  }
}

const cell = (text: string) => text.replaceAll("|", "\\|");

export function markdownTable(rows: Row[]): string {
  const result = (pass: boolean | null) =>
    pass === null ? "reported" : pass ? "pass" : "**fail**";
  return [
    "| figure | measured | target | result |",
    "| --- | --- | --- | --- |",
    ...rows.map(
      (row) =>
        `| ${cell(row.figure)} | ${cell(row.measured)} | ${cell(row.target)} | ${result(row.pass)} |`,
    ),
  ].join("\n");
}
