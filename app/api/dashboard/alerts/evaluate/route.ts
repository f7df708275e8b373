// POST /api/dashboard/alerts/evaluate – evaluate every rule now, then group and send notifications (admins)
import { json } from "@/lib/access/http/respond";
import { evaluateResultSchema } from "@/lib/evaluate/contract/alerts";
import { withUser } from "@/lib/access/http/handlers";
import { evaluateAndNotify } from "@/lib/evaluate/alerts/evaluateAndNotify";

export const POST = withUser(async () => json(evaluateResultSchema, await evaluateAndNotify()), { role: "admin" });
