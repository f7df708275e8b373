// Answers of the alerts API (one alert, an action on it, a bulk action, "evaluate now"): the contract the routes
// answer through and the hooks parse with. In the evaluate stage because lib/evaluate/alerts builds these
// answers and may not import a later stage; pure zod, not server-only, so the browser's hooks import it too.
import { z } from "zod";
import { findingSchema, isoSchema } from "@/lib/kms/finding";
import { alertStates } from "@/lib/evaluate/alerts/types";

const alertStateSchema = z.enum(alertStates);

/** A stored alert: the Finding the pages know (current severity and title) plus its lifecycle. */
export const alertViewSchema = findingSchema.extend({
  id: z.string(),
  state: alertStateSchema,
  firstSeenAt: isoSchema,
  lastSeenAt: isoSchema,
  resolvedAt: isoSchema.nullable(),
  snoozedUntil: isoSchema.nullable(),
});
export type AlertView = z.infer<typeof alertViewSchema>;

export const alertEventViewSchema = z.object({
  id: z.string(),
  at: isoSchema,
  from: alertStateSchema.nullable(),
  to: alertStateSchema,
  actor: z.string(),
  actorId: z.string().nullable(),
  note: z.string().nullable(),
});
export type AlertEventView = z.infer<typeof alertEventViewSchema>;

/** GET /api/dashboard/alerts/:id and the answer of every action on one alert: the alert with its history. */
export const alertDetailSchema = alertViewSchema.extend({ events: z.array(alertEventViewSchema) });
export type AlertDetail = z.infer<typeof alertDetailSchema>;

export const bulkActionResultSchema = z.object({
  applied: z.number().int(),
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type BulkActionResult = z.infer<typeof bulkActionResultSchema>;

export const evaluateResultSchema = z.object({
  findings: z.number().int(),
  transitions: z.number().int(),
  grouped: z.number().int(),
  deliveries: z.number().int(),
  attempted: z.number().int(),
});
export type EvaluateResult = z.infer<typeof evaluateResultSchema>;
