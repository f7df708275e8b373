// One alert per rule, the first the alerts page would list for it, for the overview's "newest alerts":
// 40 clones failing the same way must not hide the host that explains them. Rules are few and each example
// is the head of that rule's alerts in the page's order (alert_active_order_idx), so thousands of open
// alerts are not sorted per request.
import "server-only";
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import type { AlertFilter } from "@/lib/read/alerts/alertFilters";
import { alertOrder, alertViewColumns, alertWhere, severityRank } from "@/lib/read/alerts/alertSql";
import { toAlertView, type AlertRow, type AlertView } from "@/lib/evaluate/alerts/view";

export async function getAlertExamples(filter: Pick<AlertFilter, "state">, limit: number): Promise<AlertView[]> {
  const rows = await queryRows<AlertRow>(Prisma.sql`
    SELECT x.* FROM (SELECT DISTINCT a.rule_id FROM alert a WHERE ${alertWhere(filter)}) r
     CROSS JOIN LATERAL (
       SELECT ${alertViewColumns}, ${severityRank} AS rank, a.subject_kind <> 'host' AS is_client,
              a.last_finding->'subject'->>'fqdn' AS fqdn
         FROM alert a WHERE ${alertWhere(filter)} AND a.rule_id = r.rule_id
        ORDER BY ${alertOrder} LIMIT 1) x
     ORDER BY x.rank, x.is_client, x.fqdn, x.id
     LIMIT ${limit}`);
  return rows.map(toAlertView);
}
