// The alerts list's filters, shared by the API, the CSV export and the queries: lifecycle state (open and
// acknowledged by default, "all" adds resolved history), severity, subject kind, rule, one machine and a name.
import "server-only";
import { z } from "zod";
import { ALERT_LIST_MAX, ALERT_PAGE_SIZE, alertStates } from "@/lib/evaluate/alerts/types";
import { severityOrder } from "@/lib/read/alerts/findingFilters";

export const alertStateParam = z
  .string()
  .default("open,acknowledged")
  .transform((value) => (value === "all" ? [...alertStates] : value.split(",").map((s) => s.trim())))
  .pipe(z.array(z.enum(alertStates)).min(1));

export const alertFilterSchema = z.object({
  state: alertStateParam,
  severity: z.enum(severityOrder).optional(),
  kind: z.enum(["host", "client"]).optional(),
  rule: z.string().trim().min(1).max(100).optional(),
  machineId: z.uuid().optional(),
  /** Part of the machine's name: a host ("kms01"), or a site's DNS suffix (".lab.contoso.com"). */
  q: z.string().trim().min(1).max(255).optional(),
});
export type AlertFilter = z.infer<typeof alertFilterSchema>;

export const alertListQuerySchema = alertFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(ALERT_LIST_MAX).default(ALERT_PAGE_SIZE),
});
