// KMS hosts table: current license state, count, port, DNS publishing, version, last request.
import "server-only";
import { db } from "@/lib/core/db";
import { isoOrNull } from "@/lib/core/sql";
import { hostRowsQuery, type HostExportRow } from "@/lib/read/hosts/hostRowsQuery";
import type { HostListRow } from "@/lib/read/contract/hosts";

export type { HostListRow } from "@/lib/read/contract/hosts";

/** Every KMS host, or only the one `machineId` names. */
export async function getHostList(machineId?: string): Promise<HostListRow[]> {
  const rows = await db().$queryRaw<HostExportRow[]>(hostRowsQuery(machineId));
  return rows.map((r) => ({
    id: r.id,
    fqdn: r.fqdn,
    hostname: r.hostname,
    lastCheckInAt: r.last_seen_at.toISOString(),
    licenseStatus: r.license_status,
    currentCount: r.current_count,
    listeningPort: r.listening_port,
    dnsPublishing: r.dns_publishing,
    serviceVersion: r.service_version,
    edition: r.name,
    channel: r.channel,
    totalRequests: r.total_requests,
    failedRequests: r.failed_requests,
    lastRequestAt: isoOrNull(r.last_request_at),
    worstFinding:
      r.worst_severity && r.worst_title && r.worst_rule_id
        ? { severity: r.worst_severity, title: r.worst_title, ruleId: r.worst_rule_id }
        : null,
  }));
}
