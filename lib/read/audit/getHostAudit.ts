// Every KMS host anyone has seen — agents on hosts, clients' DNS/registered host, 12288 server
// field — with its approval state and two client numbers that say different things (README, "Diagnoses"):
// `clients`, the machines that *report* using it (their own /dlv or 12288, ever; known for any host, rogue ones too),
// and `servedLast30d`, the clients its own 12290 log shows in 30 days: the host page's number, one definition
// (lib/evaluate/facts/servedClients.ts); null when no agent runs on the host.
import "server-only";
import { db } from "@/lib/core/db";
import { getApprovedHosts, isApproved } from "@/lib/access/admin/getApprovedHosts";
import { countSplitWarning } from "@/lib/kms/countSplit";
import { DAY_MS } from "@/lib/core/time";
import { servedClientsPerHost } from "@/lib/evaluate/facts/servedClients";
import type { HostAudit } from "@/lib/read/contract/fleet";

export type { HostAudit } from "@/lib/read/contract/fleet";

type Row = {
  host: string;
  sources: string[];
  clients: number;
  first_seen: Date;
  last_seen: Date;
  client_sample: string[];
  current_count: number | null;
  machine_id: string | null;
  served_30d: number | null;
};

export async function getHostAudit(now = new Date()): Promise<HostAudit> {
  const since = new Date(now.getTime() - 30 * DAY_MS);
  // Summaries kept by ingest: kms_host_source (one row per host and source), kms_host_client (each client
  // of a host once) and its per-host count, so a 100k-client fleet costs a few rows per host, not a
  // fleet-wide DISTINCT.
  const rows = await db().$queryRaw<Row[]>`
    WITH seen AS (
      SELECT m.fqdn AS host, 'agent on host' AS source, m.first_seen_at, m.last_seen_at
        FROM machine m WHERE m.role = 'kms_host'
      UNION ALL
      SELECT host, source, first_seen_at, last_seen_at FROM kms_host_source
    ), served AS (
      ${servedClientsPerHost(since)}
    ), per_host AS (
      SELECT host, array_agg(DISTINCT source) AS sources, min(first_seen_at) AS first_seen, max(last_seen_at) AS last_seen
        FROM seen GROUP BY host
    )
    SELECT p.host, p.sources, p.first_seen, p.last_seen,
           coalesce((SELECT n.clients FROM kms_host_client_count n WHERE n.host = p.host), 0) AS clients,
           ARRAY(SELECT c.client FROM kms_host_client c WHERE c.host = p.host ORDER BY c.client LIMIT 20) AS client_sample,
           (SELECT s.current_count FROM machine hm JOIN machine_windows_state ws ON ws.machine_id = hm.id
              JOIN snapshot s ON s.id = ws.snapshot_id
             WHERE hm.fqdn = p.host AND s.is_kms_host) AS current_count,
           hm.id AS machine_id, CASE WHEN hm.id IS NOT NULL THEN coalesce(sv.clients, 0) END AS served_30d
      FROM per_host p
      -- The agent on the host (fqdn is unique): its page, and its own log's count; none for a host seen only by clients.
      LEFT JOIN machine hm ON hm.fqdn = p.host AND hm.role = 'kms_host'
      LEFT JOIN served sv ON sv.machine_id = hm.id
     ORDER BY p.host`;
  const approvedList = await getApprovedHosts();
  const approvedNames = approvedList.map((a) => a.host);
  const hosts = rows.map((r) => ({
    host: r.host,
    sources: r.sources,
    clients: r.clients,
    servedLast30d: r.served_30d,
    clientSample: r.client_sample ?? [],
    currentCount: r.current_count,
    /** The host's own page when an agent runs on it; a host seen only by its clients has none. */
    machineId: r.machine_id,
    firstSeenAt: r.first_seen.toISOString(),
    lastSeenAt: r.last_seen.toISOString(),
    approved: isApproved(approvedNames, r.host) ?? false,
  }));
  return {
    hosts,
    approved: approvedList.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    splitWarning: countSplitWarning(hosts.map((h) => ({ host: h.host, clients: h.clients, currentCount: h.currentCount }))),
  };
}
