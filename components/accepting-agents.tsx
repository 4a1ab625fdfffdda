import type { AgentRow } from "@/lib/data/types";
import { AgentAvatar } from "./agent-avatar";
import { Heading, Text } from "./ds";

/** Who can take a transfer right now: the organization's agents accepting chats. */
export function AcceptingAgents({ agents, total }: { agents: AgentRow[]; total: number }) {
  return (
    <section aria-label="Accepting chats" className="panel stack">
      <Heading as="h2" size="xs">
        Accepting chats now ({total})
      </Heading>
      {agents.length === 0 ? (
        <Text as="p" className="muted" noMargin>
          Nobody in your organization is accepting chats right now.
        </Text>
      ) : (
        <ul className="people">
          {agents.map((agent) => (
            <li key={agent.id} className="who" data-agent-id={agent.id}>
              <AgentAvatar name={agent.name} avatarUrl={agent.avatarUrl} />
              <span>
                <strong>{agent.name}</strong>
                {agent.jobTitle && <span className="muted"> · {agent.jobTitle}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {total > agents.length && (
        <Text as="p" size="sm" className="muted" noMargin>
          and {total - agents.length} more
        </Text>
      )}
    </section>
  );
}
