// Clients table with search (name or CMID) and filters (state, channel, KMS host), paged.
import "server-only";
import { db } from "@/lib/core/db";
import { isoOrNull } from "@/lib/core/sql";
import { clientConditions, clientRowsQuery, type ClientExportRow, type ClientListQuery } from "@/lib/read/clients/clientRowsQuery";

export { clientListQuerySchema, type ClientListQuery } from "@/lib/read/clients/clientRowsQuery";

export async function getClientList(query: ClientListQuery) {
  // Counted apart from the page: a window count over the page query would read every client's snapshot.
  const [rows, [counted]] = await Promise.all([
    db().$queryRaw<ClientExportRow[]>`${clientRowsQuery(query)} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    db().$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM machine m LEFT JOIN machine_windows_state ws ON ws.machine_id = m.id
       WHERE ${clientConditions(query)}`,
  ]);
  return {
    total: counted?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
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
    })),
  };
}
export type ClientList = Awaited<ReturnType<typeof getClientList>>;
