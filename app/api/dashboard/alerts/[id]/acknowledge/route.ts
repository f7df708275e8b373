// POST /api/dashboard/alerts/:id/acknowledge – mark an open alert as being handled (admins)
import { adminChangeRoute } from "@/app/api/dashboard/adminChangeRoute";
import { alertDetailSchema } from "@/lib/evaluate/contract/alerts";
import { applyAlertAction } from "@/lib/evaluate/alerts/actions";
import { readActionBody } from "@/lib/evaluate/alerts/actionSchemas";

export const POST = adminChangeRoute(readActionBody, alertDetailSchema, (id, body, user) =>
  applyAlertAction(id, { kind: "acknowledge" }, user, body.note),
);
