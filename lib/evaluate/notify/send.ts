// Sends due deliveries. Each is first claimed (its next attempt pushed past a lease, FOR UPDATE SKIP
// LOCKED) so two replicas, or the scheduler and the "evaluate now" action, never send it twice.
import { db } from "@/lib/core/db";
import { toJsonValue } from "@/lib/core/json";
import { parseChannelConfig } from "@/lib/evaluate/notify/channels";
import { channelLocale } from "@/lib/evaluate/notify/listChannels";
import { deliver } from "@/lib/evaluate/notify/deliver";
import { notificationMessageSchema } from "@/lib/evaluate/notify/message";
import { nextAttemptAt } from "@/lib/evaluate/notify/schedule";

/** Longer than one attempt can take (10 s timeouts), so a claimed delivery is not claimed again meanwhile. */
const CLAIM_LEASE_MS = 2 * 60_000;

export type AttemptLogEntry = { at: string; ok: boolean; error: string | null };

export async function sendDueDeliveries(now = new Date(), limit = 20): Promise<number> {
  const claimed = await db().$queryRaw<{ id: string }[]>`
    UPDATE notification_delivery SET next_attempt_at = ${new Date(now.getTime() + CLAIM_LEASE_MS)}
    WHERE id IN (
      SELECT id FROM notification_delivery WHERE status = 'pending' AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id::text AS id`;
  for (const { id } of claimed) await attemptDelivery(id);
  return claimed.length;
}

/** One attempt, recorded whatever happens. `ignoreDisabled` lets a test message reach a disabled channel. */
export async function attemptDelivery(id: string, options: { ignoreDisabled?: boolean } = {}) {
  const delivery = await db().notificationDelivery.findUniqueOrThrow({ where: { id }, include: { channel: true } });
  const started = new Date();
  let error: string | null = null;
  try {
    if (!delivery.channel.enabled && !options.ignoreDisabled) throw new Error("channel is disabled");
    const channel = parseChannelConfig(delivery.channel.kind, delivery.channel.config);
    await deliver(channel, notificationMessageSchema.parse(delivery.payload), started, channelLocale(delivery.channel.locale));
  } catch (caught) {
    error = (caught instanceof Error ? caught.message : String(caught)).slice(0, 500) || "unknown error";
  }
  const attempts = delivery.attempts + 1;
  const log = [...((delivery.attemptLog as AttemptLogEntry[] | null) ?? []), { at: started.toISOString(), ok: error === null, error }];
  const retryAt = error === null ? null : nextAttemptAt(attempts, new Date());
  return db().notificationDelivery.update({
    where: { id },
    data: {
      attempts,
      attemptLog: toJsonValue(log),
      lastError: error,
      status: error === null ? "sent" : retryAt ? "pending" : "failed",
      sentAt: error === null ? new Date() : null,
      ...(retryAt ? { nextAttemptAt: retryAt } : {}),
    },
    select: { id: true, status: true, attempts: true, lastError: true, sentAt: true },
  });
}
