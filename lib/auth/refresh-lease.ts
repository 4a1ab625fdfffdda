import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import { prisma } from "@/lib/db";
import { LiveChatUnavailableError } from "./errors";

/** How long one process may hold the right to refresh an account's tokens. */
const LEASE_MS = 20_000;
const POLL_MS = 50;

type TokenColumns = Record<string, unknown>;
type AccountRow = Awaited<ReturnType<typeof readAccount>>;

/** The account row after the refresh, and whether this call's refresh is the one stored in it. */
export interface RefreshOutcome {
  row: AccountRow;
  stored: boolean;
}

const inFlight = new Map<string, Promise<RefreshOutcome>>();

const readAccount = (id: string) => prisma.account.findUniqueOrThrow({ where: { id } });

/**
 * Runs `refresh` at most once per token version of an account. Within a process, concurrent
 * callers share one promise; across processes, a compare-and-set lease on the Account row lets
 * one process refresh while the others wait for `tokenVersion` to move, or, when `waitForOthers`
 * is false (the current token is still valid), go on with the current row at once.
 * No transaction is held across the HTTP call, so this works with a pool of one connection.
 */
export function refreshOnce(
  id: string,
  version: number,
  refresh: () => Promise<TokenColumns>,
  waitForOthers: boolean,
) {
  const key = `${id}:${version}:${waitForOthers}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = claimAndRefresh(id, version, refresh, waitForOthers).finally(() =>
      inFlight.delete(key),
    );
    inFlight.set(key, pending);
  }
  return pending;
}

async function claimAndRefresh(
  id: string,
  version: number,
  refresh: () => Promise<TokenColumns>,
  waitForOthers: boolean,
) {
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
    if (claimed.count === 1) return refreshHoldingLease(id, version, refresh);

    const row = await readAccount(id);
    if (row.tokenVersion !== version || !waitForOthers) return { row, stored: false };
    if (Date.now() > deadline) throw new LiveChatUnavailableError();
    await delay(POLL_MS);
  }
}

async function refreshHoldingLease(
  id: string,
  version: number,
  refresh: () => Promise<TokenColumns>,
): Promise<RefreshOutcome> {
  let columns: TokenColumns;
  try {
    columns = await refresh();
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
    data: { ...columns, tokenVersion: { increment: 1 }, refreshLeaseUntil: null },
  });
  return { row: await readAccount(id), stored: count === 1 };
}
