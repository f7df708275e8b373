// The generic webhook body (documented in the README): stable field names, one entry per transition.
import type { NotificationItem, NotificationMessage } from "@/lib/evaluate/notify/message";

export type WebhookBody = {
  event: "kmswatch.alerts";
  sentAt: string;
  test?: true;
  transitions: {
    alertId: string;
    ruleId: string;
    severity: string;
    state: string;
    from: string | null;
    subject: { kind: string; machineId: string; fqdn: string };
    title: string;
    cause: string;
    fix: string;
    /** The catalogue messages title, cause and fix were rendered from (English above), when the finding has them. */
    messages?: NotificationItem["messages"];
    url: string;
  }[];
};

export function formatWebhook(message: NotificationMessage, sentAt: Date): WebhookBody {
  return {
    event: "kmswatch.alerts",
    sentAt: sentAt.toISOString(),
    ...(message.test ? { test: true as const } : {}),
    transitions: message.items.map((item) => ({
      alertId: item.alertId,
      ruleId: item.ruleId,
      severity: item.severity,
      state: item.state,
      from: item.from,
      subject: item.subject,
      title: item.title,
      cause: item.cause,
      fix: item.fix,
      ...(item.messages ? { messages: item.messages } : {}),
      url: item.url,
    })),
  };
}
