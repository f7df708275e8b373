// Acknowledge, snooze or resolve many alerts at once (the alerts page's selection). Each alert goes through
// applyAlertAction in its own transaction, so each change is recorded in alert_event with who did it and a
// note naming the bulk action; one alert that cannot take the action (resolved meanwhile) skips, not the rest.
import { z } from "zod";
import { ApiError } from "@/lib/core/errors";
import type { SignedInUser } from "@/lib/access/auth/session";
import { applyAlertAction, type AlertAction } from "@/lib/evaluate/alerts/actions";
import type { BulkActionResult } from "@/lib/evaluate/contract/alerts";

export type { BulkActionResult } from "@/lib/evaluate/contract/alerts";

/** Enough for every alert of one cause on a large fleet's page; more is a filter's job, not a click's. */
export const BULK_MAX = 500;

export const bulkActionBodySchema = z
  .object({
    ids: z.array(z.uuid()).min(1).max(BULK_MAX),
    action: z.enum(["acknowledge", "snooze", "resolve"]),
    until: z.iso.datetime({ offset: true }).optional(),
    note: z.string().trim().min(1).max(1000).optional(),
  })
  .strict()
  .refine((body) => (body.action === "snooze") === (body.until !== undefined), {
    message: "until is required to snooze, and only then",
    path: ["until"],
  });
export type BulkActionBody = z.infer<typeof bulkActionBodySchema>;

export async function applyBulkAlertAction(body: BulkActionBody, user: SignedInUser, now = new Date()): Promise<BulkActionResult> {
  const ids = [...new Set(body.ids)];
  const action: AlertAction = body.action === "snooze" ? { kind: "snooze", until: new Date(body.until ?? "") } : { kind: body.action };
  const note = body.note ?? `${body.action} of ${ids.length} alert(s) at once`;
  const result: BulkActionResult = { applied: 0, skipped: [] };
  for (const id of ids) {
    try {
      await applyAlertAction(id, action, user, note, now);
      result.applied += 1;
    } catch (error) {
      // A client error for one alert (gone, resolved meanwhile) is reported back; anything else stops the request.
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      result.skipped.push({ id, reason: error.message });
    }
  }
  return result;
}
