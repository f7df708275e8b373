// Per KMS host: the reported count and cumulative request counters of its latest snapshot, and the
// count reconstructed from its 12290 events (distinct CMIDs in the last 30 days).
import "server-only";
import { db } from "@/lib/core/db";
import { latestWindowsSnapshots } from "@/lib/core/sql";
import { DAY_MS } from "@/lib/core/time";

type Row = { fqdn: string; current_count: number | null; total_requests: number | null; failed_requests: number | null; cmids_30d: number };

export async function getHostMetrics(now: Date) {
  const from = new Date(now.getTime() - 30 * DAY_MS);
  const rows = await db().$queryRaw<Row[]>`
    SELECT m.fqdn, l.current_count, l.total_requests, l.failed_requests,
           (SELECT count(DISTINCT e.cmid)::int FROM activation_event e
             WHERE e.machine_id = m.id AND e.event_id = 12290 AND e.cmid IS NOT NULL
               AND e.time_created > ${from} AND e.time_created <= ${now}) AS cmids_30d
      FROM machine m LEFT JOIN ${latestWindowsSnapshots} l ON l.machine_id = m.id
     WHERE m.role = 'kms_host'
     ORDER BY m.fqdn`;
  return rows.map((r) => ({
    host: r.fqdn,
    currentCount: r.current_count,
    totalRequests: r.total_requests,
    failedRequests: r.failed_requests,
    reconstructedCount: r.cmids_30d,
  }));
}
