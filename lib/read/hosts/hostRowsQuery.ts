// The KMS hosts table's SQL: getHostList runs it, the CSV export walks it with a cursor.
import "server-only";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { ruleIdsInPriority } from "@/lib/evaluate/rules";
import { latestWindowsSnapshots } from "@/lib/core/sql";
import type { Severity } from "@/lib/kms/finding";

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
  /** alert.severity holds only the three severities. */
  worst_severity: Severity | null;
  worst_title: string | null;
  worst_rule_id: string | null;
};

/**
 * A machine's most severe open or acknowledged alert, for the "worst finding" column: among equals the root cause
 * first, in the rules' own order (as the host and client pages list them), then the oldest.
 */
export function worstOpenAlert(machineId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT a.severity, a.title, a.rule_id FROM alert a
     WHERE a.machine_id = ${machineId} AND a.state <> 'resolved'
     ORDER BY CASE a.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END,
              array_position(${[...ruleIdsInPriority]}::text[], a.rule_id) NULLS LAST, a.first_seen_at
     LIMIT 1`;
}

/** Every KMS host, or the one `machineId` names (the host page). */
export function hostRowsQuery(machineId?: string): Prisma.Sql {
  return Prisma.sql`
    SELECT m.id, m.fqdn, m.hostname, m.last_seen_at, l.license_status, l.current_count, l.listening_port,
           l.dns_publishing, l.service_version, l.name, l.channel, l.total_requests, l.failed_requests,
           (SELECT max(e.time_created) FROM activation_event e WHERE e.machine_id = m.id AND e.event_id = 12290) AS last_request_at,
           w.severity AS worst_severity, w.title AS worst_title, w.rule_id AS worst_rule_id
      FROM machine m LEFT JOIN ${latestWindowsSnapshots} l ON l.machine_id = m.id
      LEFT JOIN LATERAL (${worstOpenAlert(Prisma.sql`m.id`)}) w ON true
     WHERE m.role = 'kms_host' ${machineId === undefined ? Prisma.empty : Prisma.sql`AND m.id = ${machineId}::uuid`}
     ORDER BY m.fqdn`;
}
