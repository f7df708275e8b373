// The words of a notification in one language: its summary line, each alert's change, severity, title, cause
// and fix (from the finding's catalogue messages when it has them), and the labels of each format.
import type { Locale } from "@/lib/core/locales";
import { msg } from "@/lib/core/i18n/messageRef";
import { translate } from "@/lib/core/i18n/translate";
import { localizeFinding } from "@/lib/kms/localizeFinding";
import type { Severity } from "@/lib/evaluate/rules/types";
import { changeLabel, type NotificationItem, type NotificationMessage } from "./message";

type Label = "conditionCleared" | "cause" | "fix" | "severity" | "change" | "machine" | "problem" | "open";

export type NotifyText = {
  summary: (message: NotificationMessage) => string;
  /** "opened", "resolved"… for one alert. */
  change: (item: Pick<NotificationItem, "from" | "state">) => string;
  severity: (severity: Severity) => string;
  finding: (item: NotificationItem) => { title: string; cause: string; fix: string };
  label: (label: Label) => string;
  /** "…and 20 more in kmswatch." */
  more: (count: number) => string;
  /** The delivery log's line for a payload this version cannot read. */
  older: () => string;
};

export function notifyText(locale: Locale): NotifyText {
  const render = translate(locale);
  // Every key below is in both catalogues (lib/present/i18n/catalogue.test.ts); the key is a readable last resort.
  const say = (key: string, values?: Record<string, string | number>) => render(msg(key, values)) ?? key;
  const change = (item: Pick<NotificationItem, "from" | "state">, count = 1) => say(`notify.change.${changeLabel(item)}`, { count });
  return {
    summary: (message) => {
      if (message.test) return say("notify.testSummary");
      const counts = new Map<string, { item: NotificationItem; count: number }>();
      for (const item of message.items) {
        const seen = counts.get(changeLabel(item));
        counts.set(changeLabel(item), { item, count: (seen?.count ?? 0) + 1 });
      }
      const parts = [...counts.values()].map(({ item, count }, i) =>
        say(i === 0 ? "notify.summaryFirst" : "notify.summaryMore", { count, change: change(item, count) }),
      );
      return say("notify.summary", { parts: parts.join(", ") || say("notify.noChange") });
    },
    change: (item) => change(item),
    severity: (severity) => say(`severity.${severity}`),
    finding: (item) => localizeFinding(item, render),
    label: (label) => say(`notify.label.${label}`),
    more: (count) => say("notify.more", { count }),
    older: () => say("notify.olderPayload"),
  };
}
