// GET /api/dashboard/hosts/:id/clients?limit=100 – the clients a KMS host served (30 days)
import { json } from "@/lib/access/http/respond";
import { hostClientsSchema } from "@/lib/read/contract/hosts";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, searchParams, type IdContext } from "@/lib/access/http/params";
import { getHostClients, hostClientsQuerySchema } from "@/lib/read/hosts/getHostClients";

export const GET = withUser<IdContext>(async (request, _user, context) =>
  json(hostClientsSchema, await getHostClients(await idParam(context), new Date(), searchParams(request.url, hostClientsQuerySchema))),
);
