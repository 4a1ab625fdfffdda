import { recordInstallation } from "@/lib/data/installations";
import { env } from "@/lib/env";
import { parseAppWebhook, WEBHOOK_MAX_AGE_MS, webhookFreshness } from "@/lib/livechat";
import { log } from "@/lib/log";
import { parseJson, readBodyText } from "@/lib/read-body";
import { sameText } from "@/lib/same-text";

const answer = (status: number, message: string) => Response.json({ message }, { status });

const STALE = {
  too_old: `its date is more than ${WEBHOOK_MAX_AGE_MS / 60_000} minutes old`,
  in_future: "its date is in the future",
} as const;

/**
 * LiveChat's app webhooks (Direct installation events). Unsigned, so the request authorizes itself
 * as far as it can: the optional shared secret in the URL, then our own client id in the body.
 * An install or uninstall is then acted on once, and only while its date is recent; a stale or
 * repeated one gets 200 (LiveChat would otherwise retry it) and changes nothing.
 */
export async function POST(request: Request) {
  const { clientId, webhookSecret } = env().livechat;
  if (webhookSecret && !sameText(new URL(request.url).searchParams.get("secret"), webhookSecret)) {
    return answer(401, "Wrong or missing webhook secret.");
  }
  const text = await readBodyText(request);
  if (text === null) return answer(413, "The body is too large for a LiveChat app webhook.");
  const event = parseAppWebhook(parseJson(text));
  if (!event) return answer(400, "Not a LiveChat app webhook body.");
  if (event.clientId !== clientId) return answer(403, "This webhook is for another LiveChat app.");
  if (event.kind === "ignored") return answer(200, `Ignored ${event.event}.`);

  // LiveChat always sends `date`: without one an event cannot be checked for age or replay.
  const { date } = event;
  if (!date) {
    log.warn("webhook.undated", { webhook: event.event });
    return answer(400, `${event.event} needs its date (RFC 3339, e.g. 2020-09-14T15:29:53+02:00).`);
  }
  const now = new Date();
  const freshness = webhookFreshness(date, now);
  if (freshness !== "fresh") {
    const ageSeconds = Math.round((now.getTime() - date.getTime()) / 1000);
    log.warn("webhook.replayed", { webhook: event.event, reason: freshness, ageSeconds });
    return answer(200, `Ignored ${event.event}: ${STALE[freshness]}.`);
  }
  const outcome = await recordInstallation({ ...event, date }, now);
  if (outcome === "duplicate") {
    log.warn("webhook.replayed", { webhook: event.event, reason: "duplicate" });
    return answer(200, `Ignored ${event.event}: already processed.`);
  }
  return answer(200, `Recorded ${event.kind}.`);
}
