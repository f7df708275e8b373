// Sample messages for the formatter tests (not a test file itself, so vitest does not collect it).
import type { NotificationItem, NotificationMessage } from "@/lib/evaluate/notify/message";

export function item(n: number, change: Partial<NotificationItem> = {}): NotificationItem {
  return {
    alertId: `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`,
    ruleId: "client-refused-low-count",
    severity: "critical",
    state: "open",
    from: null,
    subject: { kind: "client", machineId: `m${n}`, fqdn: `vdi-pool-${String(n).padStart(3, "0")}.vdi.corp.contoso.com` },
    title: "Activation refused: KMS count too low",
    cause: "The host counts 2 < 25 & <clients>",
    fix: "Run `sysprep /generalize`",
    url: `https://kmswatch.example/clients/m${n}`,
    ...change,
  };
}

export function message(items: NotificationItem[]): NotificationMessage {
  return { createdAt: "2026-11-25T10:00:00.000Z", items };
}
