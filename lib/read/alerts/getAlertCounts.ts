// How many alerts per (rule, severity, subject kind) in the given states: a few dozen rows however many
// alerts there are, from which the page's counts, rule summary and total are derived (summarizeAlertCounts).
import "server-only";
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import type { AlertFilter } from "@/lib/read/alerts/alertFilters";
import { alertWhere } from "@/lib/read/alerts/alertSql";
import type { AlertCountRow } from "@/lib/read/alerts/alertCounts";

export async function getAlertCounts(filter: Pick<AlertFilter, "state" | "machineId" | "q">): Promise<AlertCountRow[]> {
  return queryRows<AlertCountRow>(Prisma.sql`
    SELECT a.rule_id AS "ruleId", a.severity, a.subject_kind AS kind, min(a.title) AS title, count(*)::int AS n
      FROM alert a WHERE ${alertWhere({ state: filter.state, machineId: filter.machineId, q: filter.q })}
     GROUP BY a.rule_id, a.severity, a.subject_kind`);
}
