// GET /api/dashboard/clients/:id – one client: state, CMID history, timeline, snapshots, diagnosis
import { json } from "@/lib/access/http/respond";
import { clientDetailSchema } from "@/lib/read/contract/clients";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { getClientDetail } from "@/lib/read/clients/getClientDetail";

export const GET = withUser<IdContext>(async (_request, _user, context) =>
  json(clientDetailSchema, await getClientDetail(await idParam(context), new Date())),
);
