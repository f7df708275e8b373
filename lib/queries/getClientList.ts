// Clients table with search (name or CMID) and filters (state, channel, KMS host), paged.
import { db } from "@/lib/db";
import { isoOrNull } from "@/lib/queries/shared";
import { clientRowsQuery, type ClientExportRow, type ClientListQuery } from "@/lib/queries/clientRowsQuery";

export { clientListQuerySchema, type ClientListQuery } from "@/lib/queries/clientRowsQuery";

type Row = ClientExportRow & { total: bigint };

export async function getClientList(query: ClientListQuery) {
  const rows = await db().$queryRaw<Row[]>`
    SELECT c.*, count(*) OVER () AS total FROM (${clientRowsQuery(query)}) c
     ORDER BY c.fqdn
     LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
  return {
    total: rows.length > 0 ? Number(rows[0].total) : 0,
    page: query.page,
    pageSize: query.pageSize,
    rows: rows.map((r) => ({
      id: r.id, fqdn: r.fqdn, hostname: r.hostname, lastCheckInAt: r.last_seen_at.toISOString(),
      licenseStatus: r.license_status, channel: r.channel, productKeyChannel: r.product_key_channel,
      partialProductKey: r.partial_product_key, expiresAt: isoOrNull(r.expires_at), cmid: r.cmid,
      kmsHost: r.kms_host, kmsPort: r.kms_port, edition: r.name,
    })),
  };
}
export type ClientList = Awaited<ReturnType<typeof getClientList>>;
