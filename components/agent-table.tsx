"use client";

import Link from "next/link";
import type { AgentRow } from "@/lib/data/types";
import { AgentAvatar } from "./agent-avatar";
import { roleLabel } from "./role-label";
import { StatusBadge } from "./status-badge";

// A client component on purpose: its rows travel as plain data in the RSC payload, and the markup
// is rendered once on the server, so each row is not sent twice as a React tree.

/** The agents of one page; below 40rem wide each row reads as a card (see `.agents` in globals.css). */
export function AgentTable({
  agents,
  agentsPath,
}: {
  agents: AgentRow[];
  /** Where an agent's page lives: `/dashboard/agents`, or the widget's own inside a frame. */
  agentsPath: string;
}) {
  return (
    <div className="panel" style={{ padding: 0 }}>
      <table className="agents">
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Job title</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((agent) => (
            <tr key={agent.id} data-agent-id={agent.id}>
              <td>
                <span className="who">
                  <AgentAvatar name={agent.name} avatarUrl={agent.avatarUrl} />
                  <Link href={`${agentsPath}/${encodeURIComponent(agent.id)}`}>{agent.name}</Link>
                </span>
              </td>
              <td>{agent.email}</td>
              <td>{roleLabel(agent.role)}</td>
              <td>{agent.jobTitle ?? "—"}</td>
              <td>
                <StatusBadge status={agent.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
