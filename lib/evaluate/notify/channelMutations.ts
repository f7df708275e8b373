// Creating, switching and deleting notification channels (admins), and sending a test message.
import { db } from "@/lib/core/db";
import { toJsonValue } from "@/lib/core/json";
import { ApiError } from "@/lib/core/errors";
import type { CreateChannelInput, UpdateChannelInput } from "@/lib/evaluate/notify/channels";
import { msg } from "@/lib/core/i18n/messageRef";
import { english } from "@/lib/core/i18n/translate";
import { toChannelView } from "@/lib/evaluate/notify/listChannels";
import { dashboardBaseUrl } from "@/lib/evaluate/notify/dispatch";
import type { NotificationMessage } from "@/lib/evaluate/notify/message";
import { attemptDelivery } from "@/lib/evaluate/notify/send";

export async function createChannel(input: CreateChannelInput) {
  const row = await db().notificationChannel.create({
    data: { kind: input.kind, name: input.name, enabled: input.enabled, locale: input.locale, config: toJsonValue(input.config) },
  });
  return toChannelView(row);
}

export async function updateChannel(id: string, change: UpdateChannelInput) {
  const found = await db().notificationChannel.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw new ApiError("not_found", "no such notification channel");
  return toChannelView(await db().notificationChannel.update({ where: { id }, data: change }));
}

export async function deleteChannel(id: string): Promise<void> {
  const { count } = await db().notificationChannel.deleteMany({ where: { id } });
  if (count === 0) throw new ApiError("not_found", "no such notification channel");
}

/** The test message's words, in the channel's language when sent (notify.test.*). */
function testTexts() {
  const messages = { title: msg("notify.test.title"), cause: msg("notify.test.cause"), fix: msg("notify.test.fix") };
  return { title: english(messages.title), cause: english(messages.cause), fix: english(messages.fix), messages };
}

/** Sends a sample message now, through the same delivery path (and log) as real alerts. */
export async function sendTestNotification(channelId: string, now = new Date()) {
  const channel = await db().notificationChannel.findUnique({ where: { id: channelId }, select: { id: true } });
  if (!channel) throw new ApiError("not_found", "no such notification channel");
  const message: NotificationMessage = {
    createdAt: now.toISOString(),
    test: true,
    items: [
      {
        alertId: "00000000-0000-0000-0000-000000000000",
        ruleId: "test",
        severity: "info",
        state: "open",
        from: null,
        subject: { kind: "host", machineId: "00000000-0000-0000-0000-000000000000", fqdn: "test.kmswatch.invalid" },
        ...testTexts(),
        url: `${dashboardBaseUrl()}/settings/notifications`,
      },
    ],
  };
  // Created beyond the scheduler's reach (next attempt far ahead) so only this request sends it.
  const delivery = await db().notificationDelivery.create({
    data: {
      channelId,
      alertIds: [],
      payload: toJsonValue(message),
      nextAttemptAt: new Date(now.getTime() + 3_600_000),
    },
  });
  return attemptDelivery(delivery.id, { ignoreDisabled: true });
}
