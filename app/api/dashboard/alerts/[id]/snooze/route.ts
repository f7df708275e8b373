// POST /api/dashboard/alerts/:id/snooze – no notifications for this alert until `until` (admins)
import { json } from "@/lib/access/http/respond";
import { alertDetailSchema } from "@/lib/evaluate/contract/alerts";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { readJsonBody } from "@/lib/access/http/readJson";
import { applyAlertAction } from "@/lib/evaluate/alerts/actions";
import { snoozeBodySchema } from "@/lib/evaluate/alerts/actionSchemas";

export const POST = withUser<IdContext>(
  async (request, user, context) => {
    const id = await idParam(context);
    const body = await readJsonBody(request, snoozeBodySchema, 16 * 1024);
    return json(alertDetailSchema, await applyAlertAction(id, { kind: "snooze", until: new Date(body.until) }, user, body.note));
  },
  { role: "admin" },
);
