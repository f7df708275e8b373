// The clients table's order and its keyset: ORDER BY `<expr> ASC|DESC NULLS LAST, m.fqdn` for a sort key, read
// forwards (next pages) or backwards (previous and last pages), and the condition "strictly past this cursor" in
// that reading order, so any page costs what the first one costs. SQL fragments only (Prisma.sql), never pasted text.
import "server-only";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { SORT_VALUE_TYPES, sortKeyOf, type ClientCursor } from "@/lib/read/clients/clientCursor";
import type { ClientSortKey } from "@/lib/read/clients/clientFilters";

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

/** The sort expression of a validated sort value (selected as the row's `sort_value`, for its cursor). */
export const sortExpression = (sort: string): Prisma.Sql => ORDER_EXPRESSIONS[sortKeyOf(sort)];

/** Backwards reads the same order from its end: previous pages (before a cursor) and the last page. */
export type ReadDirection = "forward" | "backward";

const word = (text: "ASC" | "DESC" | "<" | ">") => Prisma.raw(text);

/**
 * ORDER BY for a validated sort value; missing values last either way, then by name so pages never overlap.
 * Backwards is the exact mirror (values reversed, missing values first, names descending). `expression` stands for
 * the sort expression when it was already computed (a page's rows, ordered again by their `sort_value`).
 */
export function clientOrderBy(sort: string, direction: ReadDirection = "forward", expression = sortExpression(sort)): Prisma.Sql {
  const backward = direction === "backward";
  const ascending = sort.startsWith("-") === backward;
  if (sortKeyOf(sort) === "fqdn") return Prisma.sql`m.fqdn ${word(ascending ? "ASC" : "DESC")}`;
  const nulls = Prisma.raw(backward ? "NULLS FIRST" : "NULLS LAST");
  return Prisma.sql`${expression} ${word(ascending ? "ASC" : "DESC")} ${nulls}, m.fqdn ${word(backward ? "DESC" : "ASC")}`;
}

/** The cursor's value as a parameter of the expression's own type. */
function typedValue(sort: string, value: string | number): Prisma.Sql {
  const type = SORT_VALUE_TYPES[sortKeyOf(sort)];
  if (type === "timestamp") return Prisma.sql`${String(value)}::timestamptz`;
  if (type === "rank") return Prisma.sql`${Number(value)}::int`;
  return Prisma.sql`${String(value)}::text`;
}

/**
 * Rows strictly past `cursor` when reading `direction`. The cursor must be of this order (`cursor.sort === sort`;
 * the API refuses any other). Forwards, missing values come after every value; backwards, before.
 */
export function keysetCondition(sort: string, cursor: ClientCursor, direction: ReadDirection): Prisma.Sql {
  const backward = direction === "backward";
  // Further along the reading order: a larger value ascending, a smaller one descending; mirrored backwards.
  const further = word(sort.startsWith("-") === backward ? ">" : "<");
  const fqdnFurther = Prisma.sql`m.fqdn ${word(backward ? "<" : ">")} ${cursor.fqdn}`;
  if (sortKeyOf(sort) === "fqdn") return Prisma.sql`m.fqdn ${further} ${cursor.fqdn}`;
  const e = sortExpression(sort);
  if (cursor.value === null) {
    // Among the missing values: only further names; backwards, every row with a value comes first.
    return backward ? Prisma.sql`(${e} IS NOT NULL OR (${e} IS NULL AND ${fqdnFurther}))` : Prisma.sql`(${e} IS NULL AND ${fqdnFurther})`;
  }
  const v = typedValue(sort, cursor.value);
  const pastValue = Prisma.sql`${e} ${further} ${v} OR (${e} = ${v} AND ${fqdnFurther})`;
  return backward ? Prisma.sql`(${pastValue})` : Prisma.sql`(${pastValue} OR ${e} IS NULL)`;
}
