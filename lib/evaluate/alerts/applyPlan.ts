// Writes one reconcile plan to the alert table inside the evaluation's transaction: new alerts in one
// INSERT, refreshed ones in at most two UPDATEs, resolved ones in one, then the history of every transition.
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { Prisma } from "@/lib/core/generated/prisma/client";
import { toJsonValue } from "@/lib/core/json";
import type { ReconcilePlan } from "@/lib/evaluate/alerts/reconcile";
import { planTransitions, transitionNote } from "@/lib/evaluate/alerts/transitions";
import type { AlertTransition } from "@/lib/evaluate/alerts/types";
import type { Finding } from "@/lib/evaluate/rules/types";

/** A finding as it reads back from its jsonb column (undefined fields dropped). */
const asStored = (finding: Finding): unknown => JSON.parse(JSON.stringify(finding));

export async function applyPlan(
  tx: Prisma.TransactionClient,
  plan: ReconcilePlan,
  now: Date,
): Promise<{ transitions: AlertTransition[]; rowsWritten: number }> {
  const created = plan.open.map((finding) => ({ id: randomUUID(), finding }));
  if (created.length > 0) {
    await tx.alert.createMany({
      data: created.map(({ id, finding }) => ({
        id,
        ruleId: finding.ruleId,
        subjectKind: finding.subject.kind,
        machineId: finding.subject.machineId,
        severity: finding.severity,
        title: finding.title,
        state: "open",
        firstSeenAt: now,
        lastSeenAt: now,
        lastFinding: toJsonValue(finding),
      })),
    });
  }
  const refreshed = await refreshFiring(tx, plan, now);
  if (plan.resolve.length > 0) {
    // A snooze belongs to the incident it silenced: a later reopen must notify again.
    await tx.alert.updateMany({
      where: { id: { in: plan.resolve.map((a) => a.id) } },
      data: { state: "resolved", resolvedAt: now, snoozedUntil: null },
    });
  }
  const transitions = planTransitions(plan, created, now);
  if (transitions.length > 0) {
    await tx.alertEvent.createMany({
      data: transitions.map((t) => ({
        alertId: t.alertId,
        at: now,
        fromState: t.from,
        toState: t.to,
        actor: "system",
        note: transitionNote(t),
        notifyPending: t.notify,
      })),
    });
  }
  return { transitions, rowsWritten: created.length + refreshed + plan.resolve.length };
}

/** Still firing and reopened alerts: one UPDATE ... FROM unnest instead of a statement per alert. */
async function refreshFiring(tx: Prisma.TransactionClient, plan: ReconcilePlan, now: Date): Promise<number> {
  const refresh = [...plan.update.map((u) => ({ ...u, reopen: false })), ...plan.reopen.map((r) => ({ ...r, reopen: true }))];
  // Most firing alerts say the same as at the last pass: only their last-seen moves (a narrow update,
  // not thousands of findings rewritten every 5 minutes on a bad day).
  const same: typeof refresh = [];
  const rewrite: typeof refresh = [];
  for (const r of refresh) {
    const unchanged = !r.reopen && r.alert.severity === r.finding.severity && isDeepStrictEqual(r.alert.lastFinding, asStored(r.finding));
    (unchanged ? same : rewrite).push(r);
  }
  if (same.length > 0) {
    await tx.$executeRaw`UPDATE alert SET last_seen_at = ${now} WHERE id = ANY(${same.map((r) => r.alert.id)}::uuid[])`;
  }
  if (rewrite.length > 0) {
    await tx.$executeRaw`
      UPDATE alert AS a SET last_seen_at = ${now}, severity = u.severity, title = u.title, last_finding = u.finding::jsonb,
        state = CASE WHEN u.reopen THEN 'open'::"AlertState" ELSE a.state END,
        resolved_at = CASE WHEN u.reopen THEN NULL ELSE a.resolved_at END
      FROM unnest(${rewrite.map((r) => r.alert.id)}::uuid[], ${rewrite.map((r) => r.finding.severity)}::text[],
        ${rewrite.map((r) => r.finding.title)}::text[], ${rewrite.map((r) => JSON.stringify(r.finding))}::text[],
        ${rewrite.map((r) => r.reopen)}::boolean[]) AS u(id, severity, title, finding, reopen)
      WHERE a.id = u.id`;
  }
  return refresh.length;
}
