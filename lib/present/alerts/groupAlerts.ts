// The alerts page groups the listed alerts by cause: one card per rule, its machines as rows, the cause and
// fix written once. Pure: the page passes the alerts in the API's order (most severe, KMS hosts first).
import type { Finding } from "@/lib/kms/finding";

export type GroupableAlert = {
  id: string;
  ruleId: string;
  severity: string;
  title: string;
  cause: string;
  fix: string;
  subject: { fqdn: string };
  /** The catalogue messages of title, cause and fix (absent on alerts stored before findings carried them). */
  messages?: Finding["messages"];
};

export type AlertGroup<A extends GroupableAlert> = {
  ruleId: string;
  severity: string;
  title: string;
  /** The first alert's cause and fix; `sameText` says whether every listed alert reads the same. */
  cause: string;
  fix: string;
  messages?: Finding["messages"];
  sameText: boolean;
  example: string;
  alerts: A[];
};

/** Groups keep the order in which their first alert came (so the most severe cause leads). */
export function groupAlertsByRule<A extends GroupableAlert>(alerts: readonly A[]): AlertGroup<A>[] {
  const groups = new Map<string, AlertGroup<A>>();
  for (const alert of alerts) {
    const group = groups.get(alert.ruleId);
    if (!group) {
      groups.set(alert.ruleId, {
        ruleId: alert.ruleId,
        severity: alert.severity,
        title: alert.title,
        cause: alert.cause,
        fix: alert.fix,
        ...(alert.messages ? { messages: alert.messages } : {}),
        sameText: true,
        example: alert.subject.fqdn,
        alerts: [alert],
      });
      continue;
    }
    group.alerts.push(alert);
    if (alert.cause !== group.cause || alert.fix !== group.fix) group.sameText = false;
  }
  return [...groups.values()];
}

/** Toggling a whole group: selects every one of its alerts unless all already are, then clears them. */
export function toggleGroupSelection(selected: ReadonlySet<string>, groupIds: readonly string[]): Set<string> {
  const next = new Set(selected);
  const all = groupIds.length > 0 && groupIds.every((id) => next.has(id));
  for (const id of groupIds) {
    if (all) next.delete(id);
    else next.add(id);
  }
  return next;
}
