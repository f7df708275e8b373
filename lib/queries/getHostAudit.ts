// Every KMS host anyone has seen — agents on hosts, clients' DNS/registered host, 12288 server
// field — with its approval state and the clients that use it.
import { db } from "@/lib/db";
import { getApprovedHosts, isApproved } from "@/lib/queries/getApprovedHosts";
import { countSplitWarning } from "@/lib/kms/countSplit";

type Row = { host: string; sources: string[]; clients: number; first_seen: Date; last_seen: Date; client_sample: string[]; current_count: number | null };

export async function getHostAudit() {
  // kms_host_sighting holds one row per host × source × client, kept current by ingest.
  const rows = await db().$queryRaw<Row[]>`
    WITH seen AS (
      SELECT m.fqdn AS host, 'agent on host' AS source, NULL::text AS client, m.first_seen_at, m.last_seen_at
        FROM machine m WHERE m.role = 'kms_host'
      UNION ALL
      SELECT host, source, client, first_seen_at, last_seen_at FROM kms_host_sighting
    )
    SELECT seen.host, array_agg(DISTINCT source) AS sources, count(DISTINCT client)::int AS clients,
           min(first_seen_at) AS first_seen, max(last_seen_at) AS last_seen,
           (array_agg(DISTINCT client) FILTER (WHERE client IS NOT NULL))[1:20] AS client_sample,
           (SELECT l.current_count FROM machine hm CROSS JOIN LATERAL (
              SELECT s.current_count FROM snapshot s WHERE s.machine_id = hm.id AND s.is_kms_host
               ORDER BY s.last_seen_at DESC LIMIT 1) l
             WHERE hm.fqdn = seen.host) AS current_count
      FROM seen GROUP BY seen.host ORDER BY seen.host`;
  const approvedList = await getApprovedHosts();
  const approvedNames = approvedList.map((a) => a.host);
  const hosts = rows.map((r) => ({
    host: r.host, sources: r.sources, clients: r.clients, clientSample: r.client_sample ?? [], currentCount: r.current_count,
    firstSeenAt: r.first_seen.toISOString(), lastSeenAt: r.last_seen.toISOString(),
    approved: isApproved(approvedNames, r.host) ?? false,
  }));
  return {
    hosts,
    approved: approvedList.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    splitWarning: countSplitWarning(hosts.map((h) => ({ host: h.host, clients: h.clients, currentCount: h.currentCount }))),
  };
}
export type HostAudit = Awaited<ReturnType<typeof getHostAudit>>;
