// Runs the diagnosis rules and applies the reconcile plan to the alert table in one transaction,
// recording an alert_event per transition. Evaluations are serialised across processes and replicas by a
// transaction-level advisory lock; the scheduler only tries it (another replica is already evaluating).
import { db, dbPool } from "@/lib/core/db";
import { storedFinding } from "@/lib/evaluate/alerts/storedFinding";
import { getFindings } from "@/lib/evaluate/facts/getFindings";
import { applyPlan } from "@/lib/evaluate/alerts/applyPlan";
import { reconcile } from "@/lib/evaluate/alerts/reconcile";
import type { AlertTransition, StoredAlert } from "@/lib/evaluate/alerts/types";

/** Any constant: it only names "an alert evaluation is running" for pg_advisory_xact_lock. */
export const EVALUATION_LOCK_KEY = 72_707_370;

export type EvaluateOptions = {
  now?: Date;
  /** Only these machines' findings and alerts (after their ingest); otherwise the whole fleet. */
  machineIds?: readonly string[];
  /** Scheduled runs pass false: skip instead of waiting when another evaluation holds the lock. */
  wait?: boolean;
};

/** rowsWritten: alert rows created or updated (a burst of them is vacuumed at once, see evaluateAlerts). */
export type EvaluationResult = { skipped: boolean; findings: number; transitions: AlertTransition[]; rowsWritten: number };

/** From this many rows written by one pass, the alert table is vacuumed right after it. */
const VACUUM_AFTER_ROWS = 500;

export async function evaluateAlerts(options: EvaluateOptions = {}): Promise<EvaluationResult> {
  const result = await evaluateInTransaction(options);
  // A host going down opens an alert per client, and every later pass moves their last-seen: thousands of new
  // row versions that autovacuum reaches a minute or more later. Until then the alerts page and the overview
  // read the heap instead of their indexes (measured: 2 ms -> 60 ms). The table is small: vacuum it now.
  if (result.rowsWritten >= VACUUM_AFTER_ROWS) {
    await dbPool()
      .query("VACUUM (ANALYZE) alert")
      .catch((error: Error) => console.warn(`[alerts] vacuum after a burst failed: ${error.message}`));
  }
  return result;
}

async function evaluateInTransaction(options: EvaluateOptions): Promise<EvaluationResult> {
  const now = options.now ?? new Date();
  const machineIds = options.machineIds ? [...options.machineIds] : undefined;
  const scope = machineIds ? { machineId: { in: machineIds } } : {};
  return db().$transaction(
    async (tx) => {
      if (options.wait === false) {
        const [row] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(${EVALUATION_LOCK_KEY}::bigint) AS ok`;
        if (!row?.ok) return { skipped: true, findings: 0, transitions: [], rowsWritten: 0 };
      } else {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EVALUATION_LOCK_KEY}::bigint)`;
      }
      // Read after taking the lock so two evaluations never apply findings older than the other's.
      const findings = await getFindings(now, { machineIds });
      const rows = await tx.alert.findMany({
        where: scope,
        select: {
          id: true,
          ruleId: true,
          machineId: true,
          subjectKind: true,
          state: true,
          severity: true,
          snoozedUntil: true,
          lastFinding: true,
        },
      });
      const stored: StoredAlert[] = rows.map((row) => ({ ...row, lastFinding: storedFinding(row) }));
      const { transitions, rowsWritten } = await applyPlan(tx, reconcile(findings, stored), now);
      return { skipped: false, findings: findings.length, transitions, rowsWritten };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
