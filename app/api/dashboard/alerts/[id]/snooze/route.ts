// POST /api/dashboard/alerts/:id/snooze – no notifications for this alert until `until` (admins)
import { adminChangeRoute } from "@/app/api/dashboard/adminChangeRoute";
import { readJsonBody } from "@/lib/access/http/readJson";
import { alertDetailSchema } from "@/lib/evaluate/contract/alerts";
import { applyAlertAction } from "@/lib/evaluate/alerts/actions";
import { snoozeBodySchema } from "@/lib/evaluate/alerts/actionSchemas";

export const POST = adminChangeRoute(
  (request) => readJsonBody(request, snoozeBodySchema, 16 * 1024),
  alertDetailSchema,
  (id, body, user) => applyAlertAction(id, { kind: "snooze", until: new Date(body.until) }, user, body.note),
);
