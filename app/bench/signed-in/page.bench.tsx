import { requireSession } from "@/lib/auth/session";
import { getAgentPage } from "@/lib/data/agent-board";
import { parseAgentQuery } from "@/lib/data/agent-query";
import { getViewer } from "@/lib/data/viewer";

// Throughput breakdown of `npm run bench` (scripts/lib/bench/throughput.ts), bench builds only:
// everything the dashboard does before rendering (session, account and token, both LiveChat
// calls, the page of 50 rows), rendered as a count.

export default async function SignedInPage() {
  const session = await requireSession("/bench/signed-in");
  const viewer = await getViewer(session.user.id);
  if (viewer.kind !== "ready") throw new Error(`viewer ${viewer.kind}`);
  const result = await getAgentPage(viewer.livechat, parseAgentQuery({}));
  if (result.kind !== "ok") throw new Error(`agent page ${result.kind}`);
  return (
    <main>
      <p>{result.page.rows.length} rows</p>
    </main>
  );
}
