// Open findings per diagnosis rule and severity: the stored alerts not resolved (kept current by ingest and
// the 5-minute evaluation), counted in Postgres. A scrape every 15 s must not diagnose the whole fleet
// (at 100k clients that is 10–30 s of database work per scrape).
import "server-only";
import { getAlertCounts } from "@/lib/read/alerts/getAlertCounts";
import { settleQueuedEvaluations } from "@/lib/evaluate/alerts/queue";

export async function getFindingMetrics() {
  // A scrape right after a check-in counts what that check-in raised, as the alerts page does.
  await settleQueuedEvaluations();
  const counts = new Map<string, { rule: string; severity: string; findings: number }>();
  for (const row of await getAlertCounts({ state: ["open", "acknowledged"] })) {
    const key = `${row.ruleId}\u0000${row.severity}`;
    const entry = counts.get(key) ?? { rule: row.ruleId, severity: row.severity, findings: 0 };
    entry.findings += row.n;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => a.rule.localeCompare(b.rule) || a.severity.localeCompare(b.severity));
}
