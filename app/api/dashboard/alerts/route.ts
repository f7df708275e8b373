// GET /api/dashboard/alerts – stored alerts, filtered (?state=open,acknowledged by default; all; severity, kind, rule, machineId), with their counts
import { json } from "@/lib/access/http/respond";
import { alertListSchema } from "@/lib/read/contract/fleet";
import { withUser } from "@/lib/access/http/handlers";
import { searchParams } from "@/lib/access/http/params";
import { alertListQuerySchema } from "@/lib/read/alerts/alertFilters";
import { listAlerts } from "@/lib/read/alerts/listAlerts";
import { getAlertCounts } from "@/lib/read/alerts/getAlertCounts";
import { summarizeAlertCounts } from "@/lib/read/alerts/alertCounts";
import { settleQueuedEvaluations } from "@/lib/evaluate/alerts/queue";

export const GET = withUser(async (request) => {
  const query = searchParams(request.url, alertListQuerySchema);
  // A page opened right after a check-in should show what that check-in raised.
  await settleQueuedEvaluations();
  const [alerts, counts] = await Promise.all([listAlerts(query), getAlertCounts(query)]);
  return json(alertListSchema, { alerts, ...summarizeAlertCounts(counts, query) });
});
