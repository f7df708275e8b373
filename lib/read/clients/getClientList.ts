// Clients table with search (name or CMID) and filters (state, channel, KMS host), paged.
import "server-only";
import { db } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { isoOrNull } from "@/lib/core/sql";
import {
  clientConditions,
  clientRowsQuery,
  decodeClientCursor,
  encodeClientCursor,
  type ClientListQuery,
  type ClientListRow,
} from "@/lib/read/clients/clientRowsQuery";
import { worstOpenAlert } from "@/lib/read/hosts/hostRowsQuery";
import type { ClientList } from "@/lib/read/contract/clients";

export { clientListQuerySchema, type ClientListQuery } from "@/lib/read/clients/clientRowsQuery";
export type { ClientList } from "@/lib/read/contract/clients";

export async function getClientList(query: ClientListQuery): Promise<ClientList> {
  // Counted apart from the page: a window count over the page query would read every client's snapshot.
  // With a cursor the page starts after the previous page's last row; without one, `page` counts from the start.
  const after = query.after === undefined ? undefined : decodeClientCursor(query.after);
  const offset = after === undefined ? Prisma.sql`OFFSET ${(query.page - 1) * query.pageSize}` : Prisma.empty;
  const [rows, [counted]] = await Promise.all([
    // The worst open finding is looked up for the page's rows only (one indexed probe each).
    db().$queryRaw<ClientListRow[]>`
      SELECT p.*, w.severity AS worst_severity, w.title AS worst_title, w.rule_id AS worst_rule_id
        FROM (SELECT q.*, row_number() OVER () AS position
                FROM (${clientRowsQuery(query, { sort: query.sort, afterFqdn: after })} LIMIT ${query.pageSize} ${offset}) q) p
        LEFT JOIN LATERAL (${worstOpenAlert(Prisma.sql`p.id`)}) w ON true
       ORDER BY p.position`,
    db().$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM machine m LEFT JOIN machine_windows_state ws ON ws.machine_id = m.id
       WHERE ${clientConditions(query)}`,
  ]);
  return {
    total: counted?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    // A full last page leads to an empty one.
    nextCursor: rows.length === query.pageSize && rows.length > 0 ? encodeClientCursor(rows[rows.length - 1]?.fqdn ?? "") : null,
    rows: rows.map((r) => ({
      id: r.id,
      fqdn: r.fqdn,
      hostname: r.hostname,
      lastCheckInAt: r.last_seen_at.toISOString(),
      licenseStatus: r.license_status,
      channel: r.channel,
      productKeyChannel: r.product_key_channel,
      partialProductKey: r.partial_product_key,
      expiresAt: isoOrNull(r.expires_at),
      cmid: r.cmid,
      kmsHost: r.kms_host,
      kmsPort: r.kms_port,
      edition: r.name,
      worstFinding:
        r.worst_severity && r.worst_title && r.worst_rule_id
          ? { severity: r.worst_severity, title: r.worst_title, ruleId: r.worst_rule_id }
          : null,
    })),
  };
}
