import { vi } from "vitest";
import { logsWritten } from "@/lib/log";

/** The JSON lines the app's log (lib/log.ts) wrote with console.warn while `run` ran. */
export async function warnings(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  try {
    await run();
    // log.ts writes once the request id is known.
    await logsWritten();
    return warn.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
  } finally {
    warn.mockRestore();
  }
}
