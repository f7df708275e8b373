// Builds the diagnosis facts of KMS hosts from their snapshots and events.
import { db } from "@/lib/core/db";
import type { HostFacts } from "@/lib/evaluate/rules/types";
import { licenseStatusSchema } from "@/lib/kms/parsed";
import { isoOrNull, latestWindowsSnapshots } from "@/lib/core/sql";
import { DAY_MS } from "@/lib/core/time";
import { getHostForecast } from "@/lib/evaluate/facts/getHostForecast";
import { countableCmidsAt, reconstructedCountAt } from "@/lib/evaluate/facts/countableRequests";
import { servedClientsCount } from "@/lib/evaluate/facts/servedClients";
import { Prisma } from "@/lib/core/generated/prisma/client";

type Row = {
  id: string;
  fqdn: string;
  last_seen_at: Date;
  license_status: string | null;
  notification_reason: string | null;
  current_count: number | null;
  listening_port: number | null;
  dns_publishing: boolean | null;
  total_requests: number | null;
  failed_requests: number | null;
  total_7d: number | null;
  failed_7d: number | null;
  last_request_at: Date | null;
  clients_30d: number;
  cmids_30d: number;
  reconstructed_count: number;
  server_only: boolean;
  requests_30d: number;
  refused_30d: number;
  unreachable_24h: number;
  clock_ahead_ms: number | null;
};

/** Facts of every KMS host, or only of the given machine(s). */
export async function getHostFacts(now: Date, machineIds?: readonly string[]): Promise<HostFacts[]> {
  const ids = machineIds ? [...machineIds] : null;
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const dayAgo = new Date(now.getTime() - DAY_MS);
  // A 12288 younger than this may just not have its 12289 pushed yet (as in client-host-unreachable).
  const answerDue = new Date(now.getTime() - 10 * 60_000);
  const rows = await db().$queryRaw<Row[]>`
    SELECT m.id, m.fqdn, m.last_seen_at, l.license_status, l.notification_reason, l.current_count, l.listening_port,
           l.dns_publishing, l.total_requests, l.failed_requests, w.total_requests AS total_7d, w.failed_requests AS failed_7d,
           r.last_request_at, ${servedClientsCount(Prisma.sql`m.id`, since)} AS clients_30d, ${countableCmidsAt(Prisma.sql`m.id`, now)} AS cmids_30d,
           ${reconstructedCountAt(Prisma.sql`m.id`, now)} AS reconstructed_count,
           coalesce(r.server_only, false) AS server_only, coalesce(r.requests, 0)::int AS requests_30d, coalesce(r.refused, 0)::int AS refused_30d,
           coalesce(u.n, 0)::int AS unreachable_24h, m.clock_ahead_ms
      FROM machine m
      LEFT JOIN ${latestWindowsSnapshots} l ON l.machine_id = m.id
      LEFT JOIN LATERAL (
        SELECT s.total_requests, s.failed_requests FROM snapshot s
         WHERE s.machine_id = m.id AND s.is_kms_host AND s.collected_at <= ${weekAgo}
         ORDER BY s.collected_at DESC LIMIT 1) w ON true
      LEFT JOIN LATERAL (
        SELECT max(e.time_created) AS last_request_at, count(*) AS requests,
               bool_and(e.min_count = 5) AS server_only, count(*) FILTER (WHERE e.hresult = '0xC004F038') AS refused
          FROM activation_event e
         WHERE e.machine_id = m.id AND e.event_id = 12290 AND e.time_created > ${since}) r ON true
      -- What the host's clients see: their latest request to it (by full or short name) went unanswered.
      LEFT JOIN LATERAL (
        SELECT count(*) AS n FROM machine_activation_facts f
         WHERE f.request_at > ${dayAgo} AND f.request_at <= ${answerDue} AND f.request_answered IS NOT TRUE
           AND (f.response_at IS NULL OR f.response_at < f.request_at)
           AND lower(f.request_host) IN (lower(m.fqdn), split_part(lower(m.fqdn), '.', 1))) u ON true
     WHERE m.role = 'kms_host' AND (${ids}::uuid[] IS NULL OR m.id = ANY(${ids}::uuid[]))
     ORDER BY m.fqdn`;
  const failedCodes = await db().$queryRaw<{ machine_id: string; hresult: string; n: number }[]>`
    SELECT machine_id, hresult, count(*)::int AS n FROM activation_event
     WHERE event_id = 12290 AND time_created > ${weekAgo} AND time_created <= ${now}
       AND hresult IS NOT NULL AND hresult <> '0x00000000'
       AND (${ids}::uuid[] IS NULL OR machine_id = ANY(${ids}::uuid[]))
     GROUP BY machine_id, hresult`;
  const failures = await db().$queryRaw<{ machine_id: string; at: Date; hresult: string | null; domain: string | null }[]>`
    SELECT machine_id, time_created AS at, hresult, domain FROM activation_event
     WHERE event_id = 12293 AND time_created > ${since}
       AND (${ids}::uuid[] IS NULL OR machine_id = ANY(${ids}::uuid[]))`;
  return Promise.all(
    rows.map(async (r): Promise<HostFacts> => {
      const forecast = await getHostForecast(r.id, now);
      return {
        machineId: r.id,
        fqdn: r.fqdn,
        licenseStatus: licenseStatusSchema.safeParse(r.license_status).data ?? null,
        notificationReason: r.notification_reason,
        currentCount: r.current_count,
        listeningPort: r.listening_port,
        dnsPublishing: r.dns_publishing,
        totalRequests: r.total_requests,
        failedRequests: r.failed_requests,
        failedRequests7dAgo: r.failed_7d,
        totalRequests7dAgo: r.total_7d,
        lastCheckInAt: r.last_seen_at.toISOString(),
        lastRequestAt: isoOrNull(r.last_request_at),
        distinctClients30d: r.clients_30d,
        distinctCmids30d: r.cmids_30d,
        reconstructedCount: r.reconstructed_count,
        serverOnly: r.server_only && r.requests_30d > 0,
        refusedInsufficientCount30d: r.refused_30d,
        dnsPublishFailures: failures
          .filter((f) => f.machine_id === r.id)
          .map((f) => ({ at: f.at.toISOString(), hresult: f.hresult, domain: f.domain })),
        failedRequestsByHresult7d: failedCodes
          .filter((c) => c.machine_id === r.id)
          .map((c) => ({ hresult: c.hresult, count: c.n }))
          .sort((a, b) => b.count - a.count),
        unreachableClients24h: r.unreachable_24h,
        clockAheadMs: r.clock_ahead_ms,
        forecast: forecast ? { crossesBelowAt: forecast.crossesBelow?.at ?? null, threshold: forecast.threshold } : null,
      };
    }),
  );
}
