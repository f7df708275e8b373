// KMS hosts table: current license state, count, port, DNS publishing, version, last request.
import { db } from "@/lib/db";
import { isoOrNull, latestWindowsSnapshots } from "@/lib/queries/shared";

type Row = {
  id: string; fqdn: string; hostname: string; last_seen_at: Date;
  license_status: string | null; current_count: number | null; listening_port: number | null;
  dns_publishing: boolean | null; service_version: string | null; name: string | null; channel: string | null;
  total_requests: number | null; failed_requests: number | null; last_request_at: Date | null;
};

export async function getHostList() {
  const rows = await db().$queryRaw<Row[]>`
    SELECT m.id, m.fqdn, m.hostname, m.last_seen_at, l.license_status, l.current_count, l.listening_port,
           l.dns_publishing, l.service_version, l.name, l.channel, l.total_requests, l.failed_requests,
           (SELECT max(e.time_created) FROM activation_event e WHERE e.machine_id = m.id AND e.event_id = 12290) AS last_request_at
      FROM machine m LEFT JOIN ${latestWindowsSnapshots} l ON l.machine_id = m.id
     WHERE m.role = 'kms_host'
     ORDER BY m.fqdn`;
  return rows.map((r) => ({
    id: r.id, fqdn: r.fqdn, hostname: r.hostname, lastCheckInAt: r.last_seen_at.toISOString(),
    licenseStatus: r.license_status, currentCount: r.current_count, listeningPort: r.listening_port,
    dnsPublishing: r.dns_publishing, serviceVersion: r.service_version, edition: r.name, channel: r.channel,
    totalRequests: r.total_requests, failedRequests: r.failed_requests, lastRequestAt: isoOrNull(r.last_request_at),
  }));
}
export type HostListRow = Awaited<ReturnType<typeof getHostList>>[number];
