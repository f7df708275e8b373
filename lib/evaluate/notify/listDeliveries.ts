// The delivery log: newest first, with every attempt, for the notification settings page.
import { db } from "@/lib/core/db";
import type { AttemptLogEntry } from "@/lib/evaluate/notify/send";
import type { Locale } from "@/lib/core/locales";
import { notificationMessageSchema } from "@/lib/evaluate/notify/message";
import { notifyText } from "@/lib/evaluate/notify/notifyText";
import type { DeliveryView } from "@/lib/evaluate/contract/settings";

export type { DeliveryView } from "@/lib/evaluate/contract/settings";

/** `locale`: the reader's language, for each delivery's one-line summary. */
export async function listDeliveries(filter: { limit: number; channelId?: string; locale?: Locale }): Promise<DeliveryView[]> {
  const rows = await db().notificationDelivery.findMany({
    where: filter.channelId ? { channelId: filter.channelId } : {},
    orderBy: { createdAt: "desc" },
    take: filter.limit,
    include: { channel: { select: { name: true, kind: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    channelId: row.channelId,
    channelName: row.channel.name,
    channelKind: row.channel.kind,
    createdAt: row.createdAt.toISOString(),
    summary: summaryOf(row.payload, filter.locale ?? "en"),
    alertIds: row.alertIds,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    sentAt: row.sentAt?.toISOString() ?? null,
    attemptLog: (row.attemptLog as AttemptLogEntry[] | null) ?? [],
  }));
}

/** A payload that no longer fits the message schema is listed, not allowed to break the delivery log. */
function summaryOf(payload: unknown, locale: Locale): string {
  const message = notificationMessageSchema.safeParse(payload);
  const say = notifyText(locale);
  return message.success ? say.summary(message.data) : say.older();
}
