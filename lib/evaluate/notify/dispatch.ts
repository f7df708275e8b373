// Groups every pending alert transition into ONE message per enabled channel (one notification_delivery
// each) and clears the pending marks, in one transaction. Transitions pending while no channel is enabled
// are dropped: enabling a channel later must not replay old news.
import { db } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { toJsonValue } from "@/lib/core/json";
import { storedFinding } from "@/lib/evaluate/alerts/storedFinding";
import { buildMessage } from "@/lib/evaluate/notify/message";
import { groupIsReady } from "@/lib/evaluate/notify/schedule";

/** Any constant: serialises dispatchers of all replicas so a transition is grouped exactly once. */
const DISPATCH_LOCK_KEY = 72_707_371;
/** A larger backlog is sent as several messages, one per dispatch, rather than one unreadable one. */
const MAX_TRANSITIONS_PER_MESSAGE = 500;

export function dashboardBaseUrl(): string {
  return env().KMSWATCH_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/** `force` sends now instead of waiting for the burst to settle (the "evaluate now" action). */
export async function dispatchPending(options: { force?: boolean; now?: Date } = {}): Promise<{ transitions: number; deliveries: number }> {
  const now = options.now ?? new Date();
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DISPATCH_LOCK_KEY}::bigint)`;
    const events = await tx.alertEvent.findMany({
      where: { notifyPending: true },
      orderBy: { at: "asc" },
      take: MAX_TRANSITIONS_PER_MESSAGE,
      select: {
        id: true,
        alertId: true,
        at: true,
        fromState: true,
        toState: true,
        alert: { select: { ruleId: true, machineId: true, subjectKind: true, severity: true, lastFinding: true } },
      },
    });
    if (
      events.length === 0 ||
      (!options.force &&
        !groupIsReady(
          events.map((e) => e.at),
          now,
        ))
    )
      return { transitions: 0, deliveries: 0 };
    const channels = await tx.notificationChannel.findMany({ where: { enabled: true }, select: { id: true } });
    if (channels.length > 0) {
      const message = buildMessage(
        events.map((e) => ({
          alertId: e.alertId,
          fromState: e.fromState,
          toState: e.toState,
          finding: storedFinding(e.alert),
        })),
        dashboardBaseUrl(),
        now,
      );
      const alertIds = [...new Set(events.map((e) => e.alertId))];
      await tx.notificationDelivery.createMany({
        data: channels.map((c) => ({
          channelId: c.id,
          alertIds,
          payload: toJsonValue(message),
          nextAttemptAt: now,
        })),
      });
    }
    await tx.alertEvent.updateMany({ where: { id: { in: events.map((e) => e.id) } }, data: { notifyPending: false } });
    return { transitions: events.length, deliveries: channels.length };
  });
}
