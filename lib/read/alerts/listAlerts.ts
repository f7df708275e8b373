// Stored alerts for the alerts page and its export, filtered and ordered in Postgres so the limit keeps the
// most severe ones: on a bad day (a host down, thousands of clients alerting) the page reads one page, not all.
import "server-only";
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import type { AlertFilter } from "@/lib/read/alerts/alertFilters";
import { alertOrder, alertViewColumns, alertWhere } from "@/lib/read/alerts/alertSql";
import { toAlertView, type AlertRow, type AlertView } from "@/lib/evaluate/alerts/view";

export async function listAlerts(filter: AlertFilter & { limit: number }): Promise<AlertView[]> {
  const rows = await queryRows<AlertRow>(Prisma.sql`
    SELECT ${alertViewColumns} FROM alert a WHERE ${alertWhere(filter)} ORDER BY ${alertOrder} LIMIT ${filter.limit}`);
  return rows.map(toAlertView);
}
