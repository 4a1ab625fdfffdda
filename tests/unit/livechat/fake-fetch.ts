export type FakeCall = { url: string; init: RequestInit; headers: Headers; body: string };

type Reply = Response | Error;

/** A fetch that answers with the given replies in order and records every call. */
export function fakeFetch(...replies: Reply[]) {
  const calls: FakeCall[] = [];
  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    calls.push({
      url: String(input),
      init,
      headers: new Headers(init.headers),
      body: typeof init.body === "string" ? init.body : "",
    });
    const reply = replies.shift();
    if (reply === undefined)
      throw new Error(`unexpected call #${calls.length} to ${String(input)}`);
    if (reply instanceof Error) throw reply;
    return reply;
  };
  return { fetch, calls };
}

/** A fetch that only settles when its signal aborts, as a hung server would. */
export const hangingFetch: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
  });

export function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

export function liveChatError(type: string, message: string, status: number, headers = {}) {
  return json({ error: { type, message } }, status, headers);
}

/** Records the delays `request` asks for instead of waiting them out. */
export function recordingSleep() {
  const delays: number[] = [];
  const sleep = async (ms: number) => {
    delays.push(ms);
  };
  return { sleep, delays };
}
