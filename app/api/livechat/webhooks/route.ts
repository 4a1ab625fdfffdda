import { markInstalled, markUninstalled } from "@/lib/data/installations";
import { env } from "@/lib/env";
import { parseAppWebhook } from "@/lib/livechat";
import { parseJsonOrNull, readBodyText } from "@/lib/read-body";
import { sameText } from "@/lib/same-text";

const answer = (status: number, message: string) => Response.json({ message }, { status });

/**
 * LiveChat's app webhooks (Direct installation events). Unsigned, so the request authorizes itself
 * as far as it can: the optional shared secret in the URL, then our own client id in the body.
 */
export async function POST(request: Request) {
  const { clientId, webhookSecret } = env().livechat;
  if (webhookSecret && !sameText(new URL(request.url).searchParams.get("secret"), webhookSecret)) {
    return answer(401, "Wrong or missing webhook secret.");
  }
  const text = await readBodyText(request);
  if (text === null) return answer(413, "The body is too large for a LiveChat app webhook.");
  const event = parseAppWebhook(parseJsonOrNull(text));
  if (!event) return answer(400, "Not a LiveChat app webhook body.");
  if (event.clientId !== clientId) return answer(403, "This webhook is for another LiveChat app.");

  if (event.kind === "uninstalled") await markUninstalled(event.organizationId);
  if (event.kind === "installed") await markInstalled(event.organizationId);
  return answer(
    200,
    event.kind === "ignored" ? `Ignored ${event.event}.` : `Recorded ${event.kind}.`,
  );
}
