// The dashboard's URL (`?q=&status=&role=&sort=&page=`) <-> AgentQuery. Pure: the page parses
// Next's searchParams with it and links views with it; the pickers list the allowed values.

import type {
  AgentQuery,
  AgentRoleFilter,
  AgentSort,
  AgentStatusChoice,
  AgentStatusFilter,
} from "./types";

/** Rows per page of the agents board. */
export const PAGE_SIZE = 50;

/** The `?status=` values, in the order the picker shows them. */
export const AGENT_STATUSES = [
  "accepting_chats",
  "not_accepting_chats",
  "offline",
] as const satisfies readonly AgentStatusFilter[];

/** `?status=all` shows every status even where the organization's settings default to fewer. */
const STATUS_CHOICES = [...AGENT_STATUSES, "all"] as const satisfies readonly AgentStatusChoice[];

/** The `?role=` values, highest role first. */
export const AGENT_ROLES = [
  "owner",
  "viceowner",
  "administrator",
  "normal",
] as const satisfies readonly AgentRoleFilter[];

/** The `?sort=` values; `name` is the default. */
export const AGENT_SORTS = ["name", "status", "role"] as const satisfies readonly AgentSort[];

/** The longest search kept; longer ones are cut (a 10 KB `?q=` is fine, just shortened). */
export const MAX_SEARCH_LENGTH = 100;

export const DEFAULT_AGENT_QUERY: Readonly<AgentQuery> = {
  q: "",
  status: null,
  role: null,
  sort: "name",
  page: 1,
};

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | null {
  return allowed.find((candidate) => candidate === value) ?? null;
}

function parseSearch(value: string | undefined): string {
  if (!value) return "";
  // By code points, so that an emoji is never cut in half; the first slice bounds the work.
  const capped = Array.from(value.slice(0, 4 * MAX_SEARCH_LENGTH).trim())
    .slice(0, MAX_SEARCH_LENGTH)
    .join("");
  return capped.trim();
}

/** Digits only, at least 1; a page past the last is clamped later, when the total is known. */
function parsePage(value: string | undefined): number {
  if (!value || !/^\d+$/.test(value)) return DEFAULT_AGENT_QUERY.page;
  const page = Number(value);
  return Number.isSafeInteger(page) && page >= 1 ? page : DEFAULT_AGENT_QUERY.page;
}

/**
 * Reads the dashboard's query from Next's `searchParams`. Never throws: an unknown or malformed
 * value falls back to that parameter's default; of repeated parameters the first counts.
 */
export function parseAgentQuery(params: SearchParams): AgentQuery {
  return {
    q: parseSearch(first(params.q)),
    status: oneOf(STATUS_CHOICES, first(params.status)),
    role: oneOf(AGENT_ROLES, first(params.role)),
    sort: oneOf(AGENT_SORTS, first(params.sort)) ?? DEFAULT_AGENT_QUERY.sort,
    page: parsePage(first(params.page)),
  };
}

/**
 * The canonical query string of a view (`?q=...&status=...`), defaults left out, in a fixed
 * order; "" for the default view. Links and the sign-in return path use it.
 */
export function agentQuerySearch(query: AgentQuery): string {
  const search = new URLSearchParams();
  if (query.q !== DEFAULT_AGENT_QUERY.q) search.set("q", query.q);
  if (query.status) search.set("status", query.status);
  if (query.role) search.set("role", query.role);
  if (query.sort !== DEFAULT_AGENT_QUERY.sort) search.set("sort", query.sort);
  if (query.page !== DEFAULT_AGENT_QUERY.page) search.set("page", String(query.page));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/**
 * The statuses a view shows, or null for every status: the URL's one, every one for `all`, else
 * the organization's default (where none, or all three, means every status).
 */
export function shownStatuses(query: AgentQuery): readonly AgentStatusFilter[] | null {
  if (query.status === "all") return null;
  if (query.status) return [query.status];
  const defaults = query.defaultStatuses ?? [];
  return defaults.length === 0 || defaults.length === AGENT_STATUSES.length ? null : defaults;
}
