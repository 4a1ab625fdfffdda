import { AgentNotFound } from "@/components/agent-not-found";

export default function DashboardAgentNotFound() {
  return <AgentNotFound backHref="/dashboard" />;
}
