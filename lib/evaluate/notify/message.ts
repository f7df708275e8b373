// The channel-neutral content of one grouped notification: every alert transition of one dispatch.
// Stored as the delivery's payload and turned into each channel's format when sent.
import { z } from "zod";
import { findingSchema, severitySchema, type Finding, type Severity } from "@/lib/evaluate/rules/types";
import { alertStates, type AlertState } from "@/lib/evaluate/alerts/types";

const alertStateSchema = z.enum(alertStates);
export const notificationItemSchema = z.object({
  alertId: z.string(),
  ruleId: z.string(),
  severity: severitySchema,
  /** The state the alert moved to. */
  state: alertStateSchema,
  /** The state it left; null when the alert was just created. */
  from: alertStateSchema.nullable(),
  subject: findingSchema.shape.subject,
  /** In English; `messages` renders them in the channel's language (absent in payloads stored before it existed). */
  title: z.string(),
  cause: z.string(),
  fix: z.string(),
  messages: findingSchema.shape.messages,
  /** The machine's page in the dashboard. */
  url: z.string(),
});
export type NotificationItem = z.infer<typeof notificationItemSchema>;

/** Stored as a delivery's payload (jsonb) and read back through this schema. */
export const notificationMessageSchema = z.object({
  createdAt: z.string(),
  items: z.array(notificationItemSchema),
  test: z.boolean().optional(),
});
export type NotificationMessage = z.infer<typeof notificationMessageSchema>;

export type PendingEvent = {
  alertId: string;
  fromState: AlertState | null;
  toState: AlertState;
  finding: Finding;
};

export function machineUrl(baseUrl: string, subject: Finding["subject"]): string {
  const section = subject.kind === "host" ? "hosts" : "clients";
  return `${baseUrl.replace(/\/+$/, "")}/${section}/${subject.machineId}`;
}

export function buildMessage(events: readonly PendingEvent[], baseUrl: string, createdAt: Date): NotificationMessage {
  return {
    createdAt: createdAt.toISOString(),
    items: events.map((e) => ({
      alertId: e.alertId,
      ruleId: e.finding.ruleId,
      severity: e.finding.severity,
      state: e.toState,
      from: e.fromState,
      subject: e.finding.subject,
      title: e.finding.title,
      cause: e.finding.cause,
      fix: e.finding.fix,
      ...(e.finding.messages ? { messages: e.finding.messages } : {}),
      url: machineUrl(baseUrl, e.finding.subject),
    })),
  };
}

/** "opened", "reopened", "acknowledged", "resolved" or "escalated" (same state, severity rose). */
export function changeLabel(item: Pick<NotificationItem, "from" | "state">): string {
  if (item.from === null) return "opened";
  if (item.from === "resolved" && item.state === "open") return "reopened";
  if (item.from === item.state) return "escalated";
  return item.state;
}

const severityRank: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Worst first, so a truncated list (chat formats) still shows what matters. */
export function orderedItems(message: NotificationMessage): NotificationItem[] {
  return [...message.items].sort(
    (a, b) => severityRank[a.severity] - severityRank[b.severity] || a.subject.fqdn.localeCompare(b.subject.fqdn),
  );
}
