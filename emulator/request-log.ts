import type { Store } from "./state";

// What GET /_emulator/requests reports: every API call the app made, for tests to count.

// A long `npm run dev` session must not grow the log without bound; counts stay exact.
const REQUEST_LOG_LIMIT = 5000;

export function logRequest(store: Store, method: string, path: string, region?: string): void {
  const key = `${method} ${path}`;
  store.requestCounts.set(key, (store.requestCounts.get(key) ?? 0) + 1);
  store.requestTotal += 1;
  store.requests.push({ method, path, at: new Date().toISOString(), ...(region && { region }) });
  if (store.requests.length > REQUEST_LOG_LIMIT) store.requests.shift();
}

export function clearRequests(store: Store): void {
  store.requests = [];
  store.requestCounts.clear();
  store.requestTotal = 0;
}
