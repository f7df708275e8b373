// The KMS hosts table's SQL: getHostList runs it, the CSV export walks it with a cursor.
import "server-only";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { latestWindowsSnapshots } from "@/lib/core/sql";

export type HostExportRow = {
  id: string;
  fqdn: string;
  hostname: string;
  last_seen_at: Date;
  license_status: string | null;
  current_count: number | null;
  listening_port: number | null;
  dns_publishing: boolean | null;
  service_version: string | null;
  name: string | null;
  channel: string | null;
  total_requests: number | null;
  failed_requests: number | null;
  last_request_at: Date | null;
};

export function hostRowsQuery(): Prisma.Sql {
  return Prisma.sql`
    SELECT m.id, m.fqdn, m.hostname, m.last_seen_at, l.license_status, l.current_count, l.listening_port,
           l.dns_publishing, l.service_version, l.name, l.channel, l.total_requests, l.failed_requests,
           (SELECT max(e.time_created) FROM activation_event e WHERE e.machine_id = m.id AND e.event_id = 12290) AS last_request_at
      FROM machine m LEFT JOIN ${latestWindowsSnapshots} l ON l.machine_id = m.id
     WHERE m.role = 'kms_host'
     ORDER BY m.fqdn`;
}
