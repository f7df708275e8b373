// The clients table's SQL (search, filters, order) without paging: getClientList pages it, the CSV
// export walks it with a cursor, so both always show the same rows.
import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { CLIENT_SORT_KEYS, type ClientSortKey } from "@/lib/read/clients/clientFilters";
import type { Severity } from "@/lib/kms/finding";

export type { ClientSortKey } from "@/lib/read/clients/clientFilters";

const clientListFields = z.object({
  q: z.string().trim().max(200).default(""),
  state: z.string().max(40).default(""),
  channel: z.string().max(60).default(""),
  kmsHost: z.string().max(255).default(""),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  /**
   * Keyset paging: the `nextCursor` of the previous page. Rows after it are read from the fqdn index directly, so
   * page 500 costs what page 1 costs (OFFSET reads and drops every row before the page). Takes precedence over
   * `page`; only in the default order (by name), which is the one the cursor is taken in.
   */
  after: z
    .string()
    .max(400)
    .regex(/^[A-Za-z0-9_-]+$/, "after must be a cursor returned as nextCursor")
    .optional(),
  /** A column of the table, "-" first for descending ("-lastCheckIn"); the default is by name. */
  sort: z
    .string()
    .max(40)
    .regex(new RegExp(`^-?(${CLIENT_SORT_KEYS.join("|")})$`), `one of ${CLIENT_SORT_KEYS.join(", ")}, "-" first for descending`)
    .default("fqdn"),
});
export const clientListQuerySchema = clientListFields.refine((query) => query.after === undefined || query.sort === "fqdn", {
  path: ["after"],
  message: "a cursor pages the list in its default order (by name); use page with another sort",
});
export type ClientListQuery = z.infer<typeof clientListQuerySchema>;

/** A page's cursor: the last row's fqdn (unique, the list's order), opaque to callers. */
export const encodeClientCursor = (fqdn: string) => Buffer.from(fqdn, "utf8").toString("base64url");
export const decodeClientCursor = (cursor: string) => Buffer.from(cursor, "base64url").toString("utf8");

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
  worst_severity: Severity | null;
  worst_title: string | null;
  worst_rule_id: string | null;
};

// Each key's SQL expression; only these fixed fragments ever reach ORDER BY.
const ORDER_EXPRESSIONS: Record<ClientSortKey, Prisma.Sql> = {
  fqdn: Prisma.sql`m.fqdn`,
  worst: Prisma.sql`(SELECT min(CASE a.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END) FROM alert a
                      WHERE a.machine_id = m.id AND a.state <> 'resolved')`,
  edition: Prisma.sql`l.name`,
  channel: Prisma.sql`ws.channel`,
  partialKey: Prisma.sql`l.partial_product_key`,
  license: Prisma.sql`ws.license_status`,
  expires: Prisma.sql`ws.expires_at`,
  cmid: Prisma.sql`ws.cmid`,
  kmsHost: Prisma.sql`ws.kms_host`,
  lastCheckIn: Prisma.sql`m.last_seen_at`,
};

/** ORDER BY for a validated sort value; missing values last either way, then by name so pages never overlap. */
export function clientOrderBy(sort: string): Prisma.Sql {
  const descending = sort.startsWith("-");
  const key = (descending ? sort.slice(1) : sort) as ClientSortKey;
  const expression = ORDER_EXPRESSIONS[key] ?? ORDER_EXPRESSIONS.fqdn;
  if (expression === ORDER_EXPRESSIONS.fqdn) return Prisma.sql`m.fqdn ${Prisma.raw(descending ? "DESC" : "ASC")}`;
  return Prisma.sql`${expression} ${Prisma.raw(descending ? "DESC" : "ASC")} NULLS LAST, m.fqdn`;
}

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

/**
 * Rows in the asked order (by name by default, after a keyset cursor when given); the latest snapshot is only read for the rows returned, so a LIMIT pages
 * without probing every client's snapshots.
 */
export function clientRowsQuery(query: ClientExportQuery, options: { sort?: string; afterFqdn?: string } = {}): Prisma.Sql {
  const { sort = "fqdn", afterFqdn } = options;
  const keyset = afterFqdn === undefined ? Prisma.empty : Prisma.sql`AND m.fqdn > ${afterFqdn}`;
  return Prisma.sql`
    SELECT m.id, m.fqdn, m.hostname, m.last_seen_at, l.license_status, l.channel, l.product_key_channel,
           l.partial_product_key, l.expires_at, l.cmid, l.kms_host, l.kms_port, l.name
      FROM machine m LEFT JOIN machine_windows_state ws ON ws.machine_id = m.id
      LEFT JOIN snapshot l ON l.id = ws.snapshot_id
     WHERE ${clientConditions(query)} ${keyset}
     ORDER BY ${clientOrderBy(sort)}`;
}
