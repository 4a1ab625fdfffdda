import "server-only";
import {
  listAgents,
  listRoutingStatuses,
  type Agent,
  type RoutingStatusValue,
} from "@/lib/livechat";
import { allowedAvatarUrl, avatarOrigins } from "./avatar-origins";
import { AGENT_ROLES, AGENT_STATUSES, PAGE_SIZE, shownStatuses } from "./agent-query";
import type { LiveChatSession } from "./livechat-session";
import { settle } from "./outcome";
import { isAdminRole } from "./settings-rules";
import type { AgentBoard, AgentPage, AgentQuery, AgentRow, Problem, Reauthenticate } from "./types";
import { withLiveChat } from "./with-livechat";

/**
 * One page of the organization's agents for the dashboard's query. Both LiveChat calls run in
 * parallel; expected failures come back as values, never as a rejection.
 */
export async function getAgentPage(
  livechat: LiveChatSession,
  query: AgentQuery,
): Promise<{ kind: "ok"; page: AgentPage } | Problem | Reauthenticate> {
  return settle(async () => {
    const board = await getAgentBoard(livechat);
    const viewer = { accountId: livechat.accountId };
    return { kind: "ok" as const, page: toAgentPage(board, query, viewer, new Date()) };
  });
}

/** The organization's agents with their routing status; both LiveChat calls run in parallel. */
async function getAgentBoard(livechat: LiveChatSession): Promise<AgentBoard> {
  const [agents, statuses] = await withLiveChat(livechat, (ctx) =>
    Promise.all([listAgents(ctx, { fields: ["jobTitle"] }), listRoutingStatuses(ctx)]),
  );
  return toAgentBoard(agents, statuses);
}

/**
 * One agent as a row: an agent without a routing status is not logged in to take chats, and
 * LiveChat shows them offline. A photo from a host other than LiveChat's is dropped (initials).
 */
export function toAgentRow(agent: Agent, status: RoutingStatusValue | undefined): AgentRow {
  return {
    id: agent.id,
    name: agent.name,
    email: agent.id,
    role: agent.role,
    jobTitle: agent.jobTitle || null,
    avatarUrl: allowedAvatarUrl(agent.avatarUrl, avatarOrigins()),
    status: status ?? "offline",
  };
}

/** Agents without a routing status are not logged in to take chats: LiveChat shows them offline. */
export function toAgentBoard(
  agents: Agent[],
  statuses: Array<{ agentId: string; status: RoutingStatusValue }>,
): AgentBoard {
  const statusOf = new Map(statuses.map(({ agentId, status }) => [agentId, status]));
  const rows = agents
    .map((agent) => toAgentRow(agent, statusOf.get(agent.id)))
    .sort((a, b) => a.name.localeCompare(b.name));
  const counts = { accepting_chats: 0, not_accepting_chats: 0, offline: 0 };
  for (const row of rows) {
    if (row.status in counts) counts[row.status as keyof typeof counts] += 1;
  }
  const accountRoles = new Map(
    agents.flatMap(({ accountId, role }) => (accountId ? [[accountId, role] as const] : [])),
  );
  return { agents: rows, counts, accountRoles };
}

/** Position in `order` (the pickers' order: accepting first, highest role first); values LiveChat adds later go last. */
const rank = (order: readonly string[], value: string) => {
  const index = order.indexOf(value);
  return index === -1 ? order.length : index;
};

const byName = (a: AgentRow, b: AgentRow) =>
  a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

const COMPARE: Readonly<Record<AgentQuery["sort"], (a: AgentRow, b: AgentRow) => number>> = {
  name: byName,
  status: (a, b) => rank(AGENT_STATUSES, a.status) - rank(AGENT_STATUSES, b.status) || byName(a, b),
  role: (a, b) => rank(AGENT_ROLES, a.role) - rank(AGENT_ROLES, b.role) || byName(a, b),
};

function matches(
  row: AgentRow,
  query: AgentQuery,
  statuses: readonly string[] | null,
  needle: string,
): boolean {
  if (statuses && !statuses.includes(row.status)) return false;
  if (query.role && row.role !== query.role) return false;
  return (
    !needle || row.name.toLowerCase().includes(needle) || row.email.toLowerCase().includes(needle)
  );
}

/**
 * The query's page of the board: search (name or email, case-insensitive), status (the URL's, else
 * the organization's default) and role filters, sort, 50 rows a page with the page clamped to the
 * last one. Counts cover the whole organization. Whether the viewer is an admin is decided by
 * LiveChat account id, which the token proves, not by an email.
 */
export function toAgentPage(
  board: AgentBoard,
  query: AgentQuery,
  viewer: { accountId: string },
  fetchedAt: Date,
): AgentPage {
  const needle = query.q.toLowerCase();
  const statuses = shownStatuses(query);
  const found = board.agents
    .filter((row) => matches(row, query, statuses, needle))
    .sort(COMPARE[query.sort]);
  const pageCount = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page), pageCount);
  const viewerRole = board.accountRoles.get(viewer.accountId);
  return {
    rows: found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    counts: { ...board.counts },
    total: found.length,
    pageSize: PAGE_SIZE,
    pageCount,
    query: { ...query, page },
    viewerIsAdmin: isAdminRole(viewerRole),
    fetchedAt: fetchedAt.toISOString(),
  };
}
