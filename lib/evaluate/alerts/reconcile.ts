// Pure: compares the findings of one evaluation with the stored alerts of the same scope and says
// which alerts to open, reopen, update (and whether that escalates) or auto-resolve. No I/O, no clock
// except the `now` it is given, so every lifecycle rule is unit-tested without a database.
import type { Finding, Severity } from "@/lib/evaluate/rules/types";
import { alertKey, type StoredAlert } from "@/lib/evaluate/alerts/types";

const rank: Record<string, number> = { info: 0, warning: 1, critical: 2 };

export type ReconcilePlan = {
  /** Findings with no alert yet. */
  open: Finding[];
  /** Resolved alerts whose condition is back. */
  reopen: { alert: StoredAlert; finding: Finding }[];
  /** Open or acknowledged alerts still firing: refresh last_seen_at and last_finding. */
  update: { alert: StoredAlert; finding: Finding; escalated: boolean }[];
  /** Open or acknowledged alerts whose condition cleared. */
  resolve: StoredAlert[];
};

/**
 * `stored` must hold every alert of the evaluated scope (all machines, or the one machine evaluated),
 * whatever its state: an alert missing from it would be created twice.
 */
export function reconcile(findings: readonly Finding[], stored: readonly StoredAlert[]): ReconcilePlan {
  const plan: ReconcilePlan = { open: [], reopen: [], update: [], resolve: [] };
  const byKey = new Map(stored.map((alert) => [alertKey(alert.ruleId, alert.machineId), alert]));
  const firing = new Set<string>();
  for (const finding of findings) {
    const key = alertKey(finding.ruleId, finding.subject.machineId);
    // A rule reports a machine once; should it not, the first (most severe, as sorted) wins.
    if (firing.has(key)) continue;
    firing.add(key);
    const alert = byKey.get(key);
    if (!alert) plan.open.push(finding);
    else if (alert.state === "resolved") plan.reopen.push({ alert, finding });
    else plan.update.push({ alert, finding, escalated: escalates(alert.severity, finding.severity) });
  }
  for (const alert of stored) {
    if (alert.state !== "resolved" && !firing.has(alertKey(alert.ruleId, alert.machineId))) plan.resolve.push(alert);
  }
  return plan;
}

export function escalates(before: string, after: Severity): boolean {
  return (rank[after] ?? 0) > (rank[before] ?? 0);
}

/** Snoozed alerts keep their lifecycle but do not notify until the snooze ends. */
export function isSnoozed(alert: Pick<StoredAlert, "snoozedUntil">, now: Date): boolean {
  return alert.snoozedUntil !== null && alert.snoozedUntil.getTime() > now.getTime();
}
