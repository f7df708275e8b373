// Stored alerts for the alerts page, most severe and most recent first; by default the ones still open
// or acknowledged (resolved ones are history, asked for explicitly).
import { db } from "@/lib/db";
import type { AlertState } from "@/lib/alerts/types";
import { alertViewSelect, toAlertView, type AlertView } from "@/lib/alerts/view";

const severityRank: Record<string, number> = { critical: 0, warning: 1, info: 2 };

export async function listAlerts(filter: { states: AlertState[]; machineId?: string; limit: number }): Promise<AlertView[]> {
  const rows = await db().alert.findMany({
    where: { state: { in: filter.states }, ...(filter.machineId ? { machineId: filter.machineId } : {}) },
    orderBy: [{ lastSeenAt: "desc" }],
    take: filter.limit,
    select: alertViewSelect,
  });
  return rows
    .map(toAlertView)
    .sort((a, b) => (severityRank[a.severity] ?? 3) - (severityRank[b.severity] ?? 3) || a.subject.fqdn.localeCompare(b.subject.fqdn));
}
