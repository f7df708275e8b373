// The alerts table for export: the stored alerts the Alerts page lists (lifecycle state filter, the
// API's default open + acknowledged), narrowed by the page's severity / subject / rule filters and in
// the page's order.
import "server-only";
import { z } from "zod";
import { alertStateParam } from "@/lib/read/alerts/alertFilters";
import { listAlerts } from "@/lib/read/alerts/listAlerts";
import { settleQueuedEvaluations } from "@/lib/evaluate/alerts/queue";
import type { AlertView } from "@/lib/evaluate/alerts/view";
import { parseKind, parseSeverity } from "@/lib/read/alerts/findingFilters";
import { searchParams } from "@/lib/access/http/params";

/** Far above any real fleet's alert count; the API pages at 5000, an export wants everything. */
const EXPORT_LIMIT = 1_000_000;

const alertExportQuerySchema = z.object({ state: alertStateParam });

export async function alertRows(url: string): Promise<AlertView[]> {
  const { state } = searchParams(url, alertExportQuerySchema);
  const params = new URL(url).searchParams;
  // The same forgiving reading as the page: an unknown severity or kind means "all".
  const severity = parseSeverity(params.get("severity"));
  const kind = parseKind(params.get("kind"));
  const rule = (params.get("rule") ?? "").trim().slice(0, 100);
  // A download right after a check-in should hold what that check-in raised, as the page does.
  await settleQueuedEvaluations();
  return listAlerts({ state, severity: severity || undefined, kind: kind || undefined, rule: rule || undefined, limit: EXPORT_LIMIT });
}
