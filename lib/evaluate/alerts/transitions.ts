// Pure: the transitions one reconcile plan makes, in the order the notifiers list them, and the note
// each leaves in the alert's history. Split out of the evaluation so it is tested without a database.
import { isSnoozed, type ReconcilePlan } from "@/lib/evaluate/alerts/reconcile";
import type { AlertTransition } from "@/lib/evaluate/alerts/types";

export type CreatedAlert = { id: string; finding: ReconcilePlan["open"][number] };

export function planTransitions(plan: ReconcilePlan, created: readonly CreatedAlert[], now: Date): AlertTransition[] {
  const transitions: AlertTransition[] = created.map(({ id, finding }) => ({
    alertId: id,
    kind: "opened",
    from: null,
    to: "open",
    severity: finding.severity,
    finding,
    notify: true,
  }));
  for (const { alert, finding } of plan.reopen) {
    transitions.push({
      alertId: alert.id,
      kind: "reopened",
      from: "resolved",
      to: "open",
      severity: finding.severity,
      finding,
      notify: true,
    });
  }
  for (const { alert, finding, escalated } of plan.update) {
    if (!escalated) continue;
    const notify = !isSnoozed(alert, now);
    transitions.push({
      alertId: alert.id,
      kind: "escalated",
      from: alert.state,
      to: alert.state,
      severity: finding.severity,
      finding,
      notify,
    });
  }
  for (const alert of plan.resolve) {
    const finding = alert.lastFinding;
    const notify = !isSnoozed(alert, now);
    transitions.push({
      alertId: alert.id,
      kind: "resolved",
      from: alert.state,
      to: "resolved",
      severity: finding.severity,
      finding,
      notify,
    });
  }
  return transitions;
}

export function transitionNote(t: AlertTransition): string {
  switch (t.kind) {
    case "opened":
      return "condition detected";
    case "reopened":
      return "condition is back";
    case "escalated":
      return `severity rose to ${t.severity}`;
    case "resolved":
      return "condition cleared";
  }
}
