// POST /api/dashboard/alerts/:id/acknowledge – mark an open alert as being handled (admins)
import { json } from "@/lib/access/http/respond";
import { alertDetailSchema } from "@/lib/evaluate/contract/alerts";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { applyAlertAction } from "@/lib/evaluate/alerts/actions";
import { readActionBody } from "@/lib/evaluate/alerts/actionSchemas";

export const POST = withUser<IdContext>(
  async (request, user, context) => {
    const id = await idParam(context);
    const body = await readActionBody(request);
    return json(alertDetailSchema, await applyAlertAction(id, { kind: "acknowledge" }, user, body.note));
  },
  { role: "admin" },
);
