// POST /api/dashboard/alerts/bulk { ids, action: acknowledge|snooze|resolve, until?, note? } – act on many alerts (admins)
import { json } from "@/lib/access/http/respond";
import { bulkActionResultSchema } from "@/lib/evaluate/contract/alerts";
import { withUser } from "@/lib/access/http/handlers";
import { readJsonBody } from "@/lib/access/http/readJson";
import { applyBulkAlertAction, bulkActionBodySchema } from "@/lib/evaluate/alerts/bulkActions";

export const POST = withUser(
  async (request, user) =>
    json(bulkActionResultSchema, await applyBulkAlertAction(await readJsonBody(request, bulkActionBodySchema, 64 * 1024), user)),
  { role: "admin" },
);
