// The alerts table for export: the stored alerts the Alerts page lists (lifecycle state filter, the
// API's default open + acknowledged), narrowed by the page's severity / subject / rule filters and in
// the page's order.
import { z } from "zod";
import { alertStates } from "@/lib/alerts/types";
import { listAlerts } from "@/lib/alerts/listAlerts";
import { settleQueuedEvaluations } from "@/lib/alerts/queue";
import type { AlertView } from "@/lib/alerts/view";
import { filterFindings, parseKind, parseSeverity, sortFindings } from "@/lib/format/findingFilters";
import { searchParams } from "@/lib/http/params";

/** Far above any real fleet's alert count; the API pages at 5000, an export wants everything. */
const EXPORT_LIMIT = 1_000_000;

const alertExportQuerySchema = z.object({
  state: z
    .string()
    .default("open,acknowledged")
    .transform((value) => (value === "all" ? [...alertStates] : value.split(",").map((s) => s.trim())))
    .pipe(z.array(z.enum(alertStates)).min(1)),
});

export async function alertRows(url: string): Promise<AlertView[]> {
  const { state } = searchParams(url, alertExportQuerySchema);
  const params = new URL(url).searchParams;
  // The same forgiving reading as the page: an unknown severity or kind means "all".
  const severity = parseSeverity(params.get("severity"));
  const kind = parseKind(params.get("kind"));
  const rule = (params.get("rule") ?? "").slice(0, 100);
  // A download right after a check-in should hold what that check-in raised, as the page does.
  await settleQueuedEvaluations();
  const alerts = await listAlerts({ states: state, limit: EXPORT_LIMIT });
  return sortFindings(filterFindings(alerts, severity, kind, rule));
}
