// The clients table's SQL (search, filters, order, keyset cursors): getClientList reads one page of it, the CSV
// export walks all of it with a database cursor, so both always show the same rows.
import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { CLIENT_SORT_KEYS } from "@/lib/read/clients/clientFilters";
import { decodeClientCursor, type ClientCursor } from "@/lib/read/clients/clientCursor";
import { clientOrderBy, keysetCondition, sortExpression, type ReadDirection } from "@/lib/read/clients/clientOrder";
import type { Severity } from "@/lib/kms/finding";

export type { ClientSortKey } from "@/lib/read/clients/clientFilters";

const cursorText = z.string().max(1400);
const clientListFields = z.object({
  q: z.string().trim().max(200).default(""),
  state: z.string().max(40).default(""),
  channel: z.string().max(60).default(""),
  kmsHost: z.string().max(255).default(""),
  /** OFFSET paging (typed jumps, old links); with a cursor or `last` it is only the page number the answer shows. */
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  /**
   * Keyset paging: `after` = the previous answer's `nextCursor` (the next page), `before` = its `prevCursor` (the
   * previous page), `last=1` the last page. Read from where the cursor points, so page 500 costs what page 1 costs
   * (OFFSET reads and drops every row before the page). A cursor holds its order: it only pages the same `sort`.
   */
  after: cursorText.optional(),
  before: cursorText.optional(),
  last: z.literal("1", { error: "last=1 asks for the last page" }).optional(),
  /** A column of the table, "-" first for descending ("-lastCheckIn"); the default is by name. */
  sort: z
    .string()
    .max(40)
    .regex(new RegExp(`^-?(${CLIENT_SORT_KEYS.join("|")})$`), `one of ${CLIENT_SORT_KEYS.join(", ")}, "-" first for descending`)
    .default("fqdn"),
});

/** Where the page starts: from the top at `page` (OFFSET), past a cursor either way, or the last page. */
export type ClientPageStart = { kind: "offset" } | { kind: "cursor"; direction: ReadDirection; cursor: ClientCursor } | { kind: "last" };

export const clientListQuerySchema = clientListFields.transform((query, ctx) => {
  const { after, before, last, ...rest } = query;
  if ([after, before, last].filter((given) => given !== undefined).length > 1) {
    ctx.addIssue({ code: "custom", path: [last ? "last" : "before"], message: "give one of after, before and last" });
    return z.NEVER;
  }
  const text = after ?? before;
  if (text === undefined) return { ...rest, start: (last ? { kind: "last" } : { kind: "offset" }) as ClientPageStart };
  const path = after === undefined ? "before" : "after";
  const cursor = decodeClientCursor(text);
  if (cursor === null) {
    ctx.addIssue({ code: "custom", path: [path], message: `${path} must be a cursor returned by this API (nextCursor or prevCursor)` });
    return z.NEVER;
  }
  if (cursor.sort !== rest.sort) {
    ctx.addIssue({ code: "custom", path: [path], message: `this cursor pages the list sorted by ${cursor.sort}, not ${rest.sort}` });
    return z.NEVER;
  }
  const direction: ReadDirection = path === "after" ? "forward" : "backward";
  return { ...rest, start: { kind: "cursor", direction, cursor } as ClientPageStart };
});
export type ClientListQuery = z.infer<typeof clientListQuerySchema>;

export const clientExportQuerySchema = clientListFields.pick({ q: true, state: true, channel: true, kmsHost: true });
export type ClientExportQuery = z.infer<typeof clientExportQuerySchema>;

export type ClientExportRow = {
  id: string;
  fqdn: string;
  hostname: string;
  last_seen_at: Date;
  license_status: string | null;
  channel: string | null;
  product_key_channel: string | null;
  partial_product_key: string | null;
  expires_at: Date | null;
  cmid: string | null;
  kms_host: string | null;
  kms_port: number | null;
  name: string | null;
};

export type ClientListRow = ClientExportRow & {
  /** The value the list is sorted by (a Date, text or the worst-finding rank), for the page's cursors. */
  sort_value: unknown;
  worst_severity: Severity | null;
  worst_title: string | null;
  worst_rule_id: string | null;
};

/** Search and filters on the current state table (trigram indexes for the substring search). */
export function clientConditions(query: ClientExportQuery): Prisma.Sql {
  const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const conditions = [Prisma.sql`m.role = 'client'`];
  // One trigram-indexed lookup per table; an OR across the join would read every client.
  if (query.q) {
    conditions.push(Prisma.sql`m.id IN (SELECT id FROM machine WHERE fqdn ILIKE ${like}
                                        UNION ALL SELECT machine_id FROM machine_windows_state WHERE cmid ILIKE ${like})`);
  }
  if (query.state) conditions.push(Prisma.sql`ws.license_status = ${query.state}`);
  if (query.channel) conditions.push(Prisma.sql`ws.channel = ${query.channel}`);
  if (query.kmsHost) conditions.push(Prisma.sql`ws.kms_host = ${query.kmsHost.toLowerCase()}`);
  return Prisma.join(conditions, " AND ");
}

const COLUMNS = Prisma.sql`m.id, m.fqdn, m.hostname, m.last_seen_at, l.license_status, l.channel, l.product_key_channel,
  l.partial_product_key, l.expires_at, l.cmid, l.kms_host, l.kms_port, l.name`;
const FROM = Prisma.sql`machine m LEFT JOIN machine_windows_state ws ON ws.machine_id = m.id LEFT JOIN snapshot l ON l.id = ws.snapshot_id`;

type RowsOptions = { sort?: string; direction?: ReadDirection; cursor?: ClientCursor; page?: { limit: number; offset: number } };

/**
 * Rows in the asked order (by name by default), read `direction` from the start or from past a keyset cursor, with
 * each row's sort value (for the page's cursors). With `page`, the page's rows are chosen first from what the order
 * and the filters need (PostgreSQL drops the joins nothing reads), and their latest snapshot is read for those rows
 * only: sorting by check-in time never joins 300k snapshots to keep 50.
 */
export function clientRowsQuery(query: ClientExportQuery, options: RowsOptions = {}): Prisma.Sql {
  const { sort = "fqdn", direction = "forward", cursor, page } = options;
  const keyset = cursor === undefined ? Prisma.empty : Prisma.sql`AND ${keysetCondition(sort, cursor, direction)}`;
  const where = Prisma.sql`WHERE ${clientConditions(query)} ${keyset}`;
  if (page === undefined) {
    return Prisma.sql`SELECT ${COLUMNS}, ${sortExpression(sort)} AS sort_value FROM ${FROM} ${where} ORDER BY ${clientOrderBy(sort, direction)}`;
  }
  return Prisma.sql`
    SELECT ${COLUMNS}, p.sort_value
      FROM (SELECT m.id, ${sortExpression(sort)} AS sort_value FROM ${FROM} ${where}
             ORDER BY ${clientOrderBy(sort, direction)} LIMIT ${page.limit} OFFSET ${page.offset}) p
      JOIN machine m ON m.id = p.id LEFT JOIN machine_windows_state ws ON ws.machine_id = m.id
      LEFT JOIN snapshot l ON l.id = ws.snapshot_id
     ORDER BY ${clientOrderBy(sort, direction, Prisma.sql`p.sort_value`)}`;
}
