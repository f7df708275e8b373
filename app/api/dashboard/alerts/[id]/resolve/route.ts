// POST /api/dashboard/alerts/:id/resolve – close an alert by hand (reopened if the condition persists) (admins)
import { adminChangeRoute } from "@/app/api/dashboard/adminChangeRoute";
import { alertDetailSchema } from "@/lib/evaluate/contract/alerts";
import { applyAlertAction } from "@/lib/evaluate/alerts/actions";
import { readActionBody } from "@/lib/evaluate/alerts/actionSchemas";

export const POST = adminChangeRoute(readActionBody, alertDetailSchema, (id, body, user) =>
  applyAlertAction(id, { kind: "resolve" }, user, body.note),
);
