// Clients table with search (name or CMID) and filters (state, channel, KMS host), paged by keyset cursors (next,
// previous, last) or by page number.
import "server-only";
import { db } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { isoOrNull } from "@/lib/core/sql";
import { cursorValue, encodeClientCursor, type ClientCursor } from "@/lib/read/clients/clientCursor";
import { pageCount } from "@/lib/read/clients/clientFilters";
import type { ReadDirection } from "@/lib/read/clients/clientOrder";
import { clientConditions, clientRowsQuery, type ClientListQuery, type ClientListRow } from "@/lib/read/clients/clientRowsQuery";
import { worstOpenAlert } from "@/lib/read/hosts/hostRowsQuery";
import type { ClientList } from "@/lib/read/contract/clients";

export { clientListQuerySchema, type ClientListQuery } from "@/lib/read/clients/clientRowsQuery";
export type { ClientList } from "@/lib/read/contract/clients";

type Read = { direction: ReadDirection; cursor?: ClientCursor; offset: number; limit: number };

/** Rows as read (backwards reads come last row first); the worst open finding only for those rows (one probe each). */
function readRows(query: ClientListQuery, read: Read): Promise<ClientListRow[]> {
  const page = { limit: read.limit, offset: read.offset };
  const rows = clientRowsQuery(query, { sort: query.sort, direction: read.direction, cursor: read.cursor, page });
  return db().$queryRaw<ClientListRow[]>`
    SELECT p.*, w.severity AS worst_severity, w.title AS worst_title, w.rule_id AS worst_rule_id
      FROM (SELECT q.*, row_number() OVER () AS position FROM (${rows}) q) p
      LEFT JOIN LATERAL (${worstOpenAlert(Prisma.sql`p.id`)}) w ON true
     ORDER BY p.position`;
}

async function countClients(query: ClientListQuery): Promise<number> {
  // Counted apart from the page: a window count over the page query would read every client's snapshot.
  const [counted] = await db().$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM machine m LEFT JOIN machine_windows_state ws ON ws.machine_id = m.id
     WHERE ${clientConditions(query)}`;
  return counted?.total ?? 0;
}

type Page = { page: number; rows: ClientListRow[]; hasPrevious: boolean; hasNext: boolean };

/** One row more than the page is read to know whether another page follows in the reading direction. */
async function readPage(query: ClientListQuery, counting: Promise<number>): Promise<Page> {
  const { start, pageSize, page } = query;
  if (start.kind === "last") {
    // As many rows as page numbers put on the last page (231 rows at 50: 31), so Previous then lines up with them.
    const total = await counting;
    const pages = pageCount(total, pageSize);
    const rows = await readRows(query, { direction: "backward", offset: 0, limit: total - (pages - 1) * pageSize });
    return { page: pages, rows: rows.reverse(), hasPrevious: pages > 1, hasNext: false };
  }
  if (start.kind === "cursor" && start.direction === "backward") {
    const read = await readRows(query, { direction: "backward", cursor: start.cursor, offset: 0, limit: pageSize + 1 });
    const rows = read.slice(0, pageSize).reverse();
    // The cursor's own row follows this page.
    return { page, rows, hasPrevious: read.length > pageSize, hasNext: rows.length > 0 };
  }
  const cursor = start.kind === "cursor" ? start.cursor : undefined;
  const offset = cursor === undefined ? (page - 1) * pageSize : 0;
  const read = await readRows(query, { direction: "forward", cursor, offset, limit: pageSize + 1 });
  const rows = read.slice(0, pageSize);
  return { page, rows, hasPrevious: rows.length > 0 && (cursor !== undefined || offset > 0), hasNext: read.length > pageSize };
}

export async function getClientList(query: ClientListQuery): Promise<ClientList> {
  const counting = countClients(query);
  const [total, { page, rows, hasPrevious, hasNext }] = await Promise.all([counting, readPage(query, counting)]);
  const cursorAt = (row: ClientListRow | undefined) =>
    row === undefined ? null : encodeClientCursor({ sort: query.sort, value: cursorValue(row.sort_value), fqdn: row.fqdn });
  return {
    total,
    page,
    pageSize: query.pageSize,
    nextCursor: hasNext ? cursorAt(rows.at(-1)) : null,
    prevCursor: hasPrevious ? cursorAt(rows[0]) : null,
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
