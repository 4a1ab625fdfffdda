import { z } from "zod";
import { log } from "@/lib/log";
import { request, type LiveChatContext } from "./request";

/** Bots may also be `offline`; values LiveChat adds later pass through as plain strings. */
export type RoutingStatusValue =
  "accepting_chats" | "not_accepting_chats" | "offline" | (string & {});

/** Whether an agent currently takes chats. */
export type RoutingStatus = { agentId: string; status: RoutingStatusValue };

const routingStatusWireSchema = z.looseObject({ agent_id: z.string(), status: z.string() });

export type RoutingStatusWire = z.infer<typeof routingStatusWireSchema>;

/** Maps LiveChat's routing status object to ours. */
export function toRoutingStatus(wire: RoutingStatusWire): RoutingStatus {
  return { agentId: wire.agent_id, status: wire.status };
}

/**
 * Lists the current routing status of the organization's agents. Scope `agents--all:ro`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#list-routing-statuses
 */
export async function listRoutingStatuses(
  ctx: LiveChatContext,
  params: { filters?: { groupIds?: number[] } } = {},
): Promise<RoutingStatus[]> {
  const { filters } = params;
  const wire = await request(ctx, "agent/action/list_routing_statuses", {
    body: { filters: filters && { group_ids: filters.groupIds } },
    schema: z.array(z.unknown()),
  });
  // One entry at a time: an odd one costs that agent's status (shown offline), not the board.
  const statuses = wire.flatMap((raw) => {
    const parsed = routingStatusWireSchema.safeParse(raw);
    return parsed.success ? [toRoutingStatus(parsed.data)] : [];
  });
  if (statuses.length < wire.length) {
    log.warn("livechat.routing_statuses_skipped", {
      total: wire.length,
      skipped: wire.length - statuses.length,
    });
  }
  return statuses;
}
