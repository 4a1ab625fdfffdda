import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import { prisma } from "@/lib/db";
import { LiveChatUnavailableError } from "../errors";

/** How long one process may hold the right to refresh an account's tokens. */
const LEASE_MS = 20_000;
const POLL_MS = 50;

type AccountRow = Awaited<ReturnType<typeof readAccount>>;

/** What a refresh got from LiveChat: the sealed columns to store, and the tokens themselves. */
export interface Refreshed<T> {
  columns: Record<string, unknown>;
  issued: T;
}

export interface RefreshOnceOptions<T> {
  /** The Account row's id. */
  id: string;
  /** The token version the caller read; only a refresh of that version may be stored. */
  version: number;
  /**
   * Whether to wait while another process refreshes. False when the current token is still
   * valid: the caller then goes on with it at once.
   */
  waitForOthers: boolean;
  /** Calls LiveChat. Runs at most once per version across every process sharing the database. */
  refresh: () => Promise<Refreshed<T>>;
  /** Gets rid of what a refresh issued when a sign-in, sign-out or uninstall won meanwhile. */
  discard: (issued: T) => Promise<void>;
}

/** The account row after the refresh; `issued` is set when this call's refresh is the one stored. */
export interface RefreshOutcome<T> {
  row: AccountRow;
  issued: T | null;
}

const inFlight = new Map<string, Promise<RefreshOutcome<unknown>>>();

const readAccount = (id: string) => prisma.account.findUniqueOrThrow({ where: { id } });

/**
 * Runs `refresh` at most once per token version of an account. Within a process, concurrent
 * callers share one promise; across processes, a compare-and-set lease on the Account row lets
 * one process refresh while the others wait for `tokenVersion` to move (or go on at once, see
 * `waitForOthers`). No transaction is held across the HTTP call, so this works with a pool of one
 * connection.
 */
export function refreshOnce<T>(options: RefreshOnceOptions<T>): Promise<RefreshOutcome<T>> {
  const key = `${options.id}:${options.version}:${options.waitForOthers}`;
  let pending = inFlight.get(key) as Promise<RefreshOutcome<T>> | undefined;
  if (!pending) {
    pending = claimAndRefresh(options).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

async function claimAndRefresh<T>(options: RefreshOnceOptions<T>): Promise<RefreshOutcome<T>> {
  const { id, version, waitForOthers } = options;
  const deadline = Date.now() + 2 * LEASE_MS;
  for (;;) {
    const now = new Date();
    const claimed = await prisma.account.updateMany({
      where: {
        id,
        tokenVersion: version,
        OR: [{ refreshLeaseUntil: null }, { refreshLeaseUntil: { lt: now } }],
      },
      data: { refreshLeaseUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (claimed.count === 1) return refreshHoldingLease(options);

    const row = await readAccount(id);
    if (row.tokenVersion !== version || !waitForOthers) return { row, issued: null };
    if (Date.now() > deadline) throw new LiveChatUnavailableError();
    await delay(POLL_MS);
  }
}

async function refreshHoldingLease<T>(options: RefreshOnceOptions<T>): Promise<RefreshOutcome<T>> {
  const { id, version } = options;
  let refreshed: Refreshed<T>;
  try {
    refreshed = await options.refresh();
  } catch (error) {
    await prisma.account.updateMany({
      where: { id, tokenVersion: version },
      data: { refreshLeaseUntil: null },
    });
    throw error;
  }
  // A sign-in, sign-out or uninstall that moved the version meanwhile wins over this refresh.
  const { count } = await prisma.account.updateMany({
    where: { id, tokenVersion: version },
    data: { ...refreshed.columns, tokenVersion: { increment: 1 }, refreshLeaseUntil: null },
  });
  if (count === 0) await options.discard(refreshed.issued);
  return { row: await readAccount(id), issued: count === 1 ? refreshed.issued : null };
}
