import { AgentNotFound } from "@/components/agent-not-found";

export default function WidgetAgentNotFound() {
  return <AgentNotFound backHref="/widgets/fullscreen" />;
}
