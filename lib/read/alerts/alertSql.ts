// SQL pieces every alert list shares: the columns of an AlertView, the filter and the page's order
// (most severe first, KMS hosts before clients since a host problem explains many client ones, then by name).
import "server-only";
import { Prisma } from "@/lib/core/generated/prisma/client";
import type { AlertFilter } from "@/lib/read/alerts/alertFilters";
import type { AlertState } from "@/lib/evaluate/alerts/types";

export const alertViewColumns = Prisma.sql`a.id, a.state::text AS state, a.severity, a.title, a.first_seen_at AS "firstSeenAt",
  a.last_seen_at AS "lastSeenAt", a.resolved_at AS "resolvedAt", a.snoozed_until AS "snoozedUntil", a.last_finding AS "lastFinding"`;

export const severityRank = Prisma.sql`CASE a.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;

export const alertOrder = Prisma.sql`${severityRank}, a.subject_kind <> 'host', a.last_finding->'subject'->>'fqdn', a.id`;

// "Not resolved" spelled as alert_active_order_idx's predicate, so the default view can read that index.
const stateIn = (states: readonly AlertState[]) =>
  states.length === 2 && states.includes("open") && states.includes("acknowledged")
    ? Prisma.sql`a.state <> 'resolved'`
    : Prisma.sql`a.state = ANY(${[...states]}::"AlertState"[])`;

/** ILIKE pattern for "contains", with the user's % and _ taken literally. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The filter as a WHERE condition on `alert a`; the parts left out (undefined) match everything. */
export function alertWhere(filter: Partial<AlertFilter> & Pick<AlertFilter, "state">): Prisma.Sql {
  return Prisma.sql`${stateIn(filter.state)}
    AND (${filter.severity ?? null}::text IS NULL OR a.severity = ${filter.severity ?? null})
    AND (${filter.kind ?? null}::text IS NULL OR a.subject_kind = ${filter.kind ?? null})
    AND (${filter.rule ?? null}::text IS NULL OR a.rule_id = ${filter.rule ?? null})
    AND (${filter.machineId ?? null}::uuid IS NULL OR a.machine_id = ${filter.machineId ?? null}::uuid)
    AND (${filter.q ?? null}::text IS NULL OR a.last_finding->'subject'->>'fqdn' ILIKE ${filter.q ? containsPattern(filter.q) : null})`;
}
