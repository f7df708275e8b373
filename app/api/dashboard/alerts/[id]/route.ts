// GET /api/dashboard/alerts/:id – one alert with its state history
import { json } from "@/lib/access/http/respond";
import { alertDetailSchema } from "@/lib/evaluate/contract/alerts";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { getAlert } from "@/lib/evaluate/alerts/getAlert";

export const GET = withUser<IdContext>(async (_request, _user, context) => json(alertDetailSchema, await getAlert(await idParam(context))));
