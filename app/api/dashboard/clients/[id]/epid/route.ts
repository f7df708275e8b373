// GET /api/dashboard/clients/:id/epid – the KMS host ePIDs this client received and whether each matches its host
import { json } from "@/lib/access/http/respond";
import { clientEpidsSchema } from "@/lib/read/contract/clients";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { getClientEpids } from "@/lib/read/clients/getClientEpids";

export const GET = withUser<IdContext>(async (_request, _user, context) =>
  json(clientEpidsSchema, await getClientEpids(await idParam(context), new Date())),
);
