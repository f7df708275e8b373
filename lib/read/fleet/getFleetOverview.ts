// Fleet overview: machine counts, client license states, open alerts by severity and kind, newest alerts,
// and a small daily count trend per KMS host. The counts are read through the pool (queryRows): this page is
// the most requested, and Prisma's per-statement cost was a fair share of it.
import "server-only";
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { DAY_MS } from "@/lib/core/time";
import { getAlertCounts } from "@/lib/read/alerts/getAlertCounts";
import { getAlertExamples } from "@/lib/read/alerts/getAlertExamples";
import { summarizeAlertCounts } from "@/lib/read/alerts/alertCounts";
import { settleQueuedEvaluations } from "@/lib/evaluate/alerts/queue";
import type { FleetOverview } from "@/lib/read/contract/fleet";

export type { FleetOverview } from "@/lib/read/contract/fleet";

type TrendRow = { machine_id: string; fqdn: string; bucket: Date; current_count: number | null };

// The counts triggers keep on the current-state table (a few delta rows), less the few hosts and unidentified
// machines, which also have a current state: not a count of 100k states per request.
function countClientLicenseStates() {
  return queryRows<{ license_status: string | null; n: number }>(Prisma.sql`
    SELECT t.license_status, sum(t.n)::int AS n FROM (
      SELECT d.license_status, d.machines AS n FROM license_state_delta d
      UNION ALL
      SELECT ws.license_status, -count(*) FROM machine m JOIN machine_windows_state ws ON ws.machine_id = m.id
       WHERE m.role IN ('kms_host', 'unknown') GROUP BY ws.license_status) t
     GROUP BY t.license_status HAVING sum(t.n) > 0`);
}

// Daily buckets for every host from generate_series, so days without a check-in stay null.
function getHostDailyCounts(now: Date) {
  const from = new Date(now.getTime() - 30 * DAY_MS);
  return queryRows<TrendRow>(Prisma.sql`
    SELECT m.id AS machine_id, m.fqdn, b.bucket, s.current_count
      FROM machine m
     CROSS JOIN generate_series(date_trunc('day', ${from}::timestamptz), date_trunc('day', ${now}::timestamptz), '1 day'::interval) AS b(bucket)
      LEFT JOIN LATERAL (
        SELECT s.current_count FROM snapshot s JOIN snapshot_seen seen ON seen.snapshot_id = s.id
         WHERE s.machine_id = m.id AND s.is_kms_host AND s.collected_at < b.bucket + interval '1 day' AND seen.last_seen_at >= b.bucket
         ORDER BY s.collected_at DESC LIMIT 1) s ON true
     WHERE m.role = 'kms_host'
     ORDER BY m.fqdn, b.bucket`);
}

export async function getFleetOverview(now: Date): Promise<FleetOverview> {
  // Independent reads, run at once on the pool.
  const active = { state: ["open" as const, "acknowledged" as const] };
  // Stored alerts (kept current by ingest and the scheduler), counted and sampled in Postgres: on a bad day
  // thousands are open, and the overview must not read them all.
  const settled = settleQueuedEvaluations();
  const [roles, states, trend, alertCounts, examples] = await Promise.all([
    queryRows<{ role: string; n: number }>(Prisma.sql`SELECT role::text AS role, count(*)::int AS n FROM machine GROUP BY role`),
    countClientLicenseStates(),
    getHostDailyCounts(now),
    settled.then(() => getAlertCounts(active)),
    settled.then(() => getAlertExamples(active, 10)),
  ]);
  const alerts = summarizeAlertCounts(alertCounts, {});
  const hostTrends = new Map<string, { machineId: string; fqdn: string; points: { bucket: string; count: number | null }[] }>();
  for (const row of trend) {
    const host = hostTrends.get(row.machine_id) ?? { machineId: row.machine_id, fqdn: row.fqdn, points: [] };
    host.points.push({ bucket: row.bucket.toISOString(), count: row.current_count });
    hostTrends.set(row.machine_id, host);
  }
  const count = (role: string) => roles.find((r) => r.role === role)?.n ?? 0;
  return {
    hosts: count("kms_host"),
    clients: count("client"),
    licenseStates: Object.fromEntries(states.map((s) => [s.license_status ?? "Unknown", s.n])),
    alertsBySeverity: alerts.severityCounts,
    newestAlerts: examples,
    alertsByRule: alerts.rules.map((r) => ({ ruleId: r.ruleId, title: r.title, severity: r.severity, count: r.hosts + r.clients })),
    hostTrends: [...hostTrends.values()],
  };
}
