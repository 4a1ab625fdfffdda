import type { AgentDetail } from "@/lib/data/types";
import { AgentAvatar } from "./agent-avatar";
import { Heading, Text } from "./ds";
import { roleLabel } from "./role-label";
import { StatusBadge } from "./status-badge";

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  });

/** Everything LiveChat's get_agent tells about one agent; its groups by the names list_groups gives. */
export function AgentFacts({ agent }: { agent: AgentDetail }) {
  return (
    <article className="panel stack" data-agent-id={agent.id}>
      <div className="who">
        <AgentAvatar name={agent.name} avatarUrl={agent.avatarUrl} size="large" />
        <div>
          <Heading as="h1" size="md">
            {agent.name}
          </Heading>
          <Text as="p" className="muted" noMargin>
            {agent.email}
          </Text>
        </div>
      </div>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={agent.status} />
        </dd>
        <dt>Role</dt>
        <dd>{roleLabel(agent.role)}</dd>
        <dt>Job title</dt>
        <dd>{agent.jobTitle ?? "—"}</dd>
        <dt>Groups</dt>
        <dd data-groups>
          {agent.groups.length
            ? agent.groups.map((g) => `${g.name ?? `Group ${g.id}`} (${g.priority})`).join(", ")
            : "None"}
        </dd>
        <dt>Max chats</dt>
        <dd>{agent.maxChatsCount ?? "—"}</dd>
        <dt>Last logout</dt>
        <dd>
          {agent.lastLogout ? (
            <time dateTime={agent.lastLogout}>{dateTime(agent.lastLogout)} UTC</time>
          ) : (
            "—"
          )}
        </dd>
        {agent.suspended && (
          <>
            <dt>Account</dt>
            <dd>Suspended</dd>
          </>
        )}
      </dl>
    </article>
  );
}
