// GET /api/dashboard/clients?q=&state=&channel=&kmsHost=&sort=&after=|before=|last=1|page= – search, filter and page clients (keyset cursors)
import { json } from "@/lib/access/http/respond";
import { clientListSchema } from "@/lib/read/contract/clients";
import { withUser } from "@/lib/access/http/handlers";
import { searchParams } from "@/lib/access/http/params";
import { clientListQuerySchema, getClientList } from "@/lib/read/clients/getClientList";

export const GET = withUser(async (request) =>
  json(clientListSchema, await getClientList(searchParams(request.url, clientListQuerySchema))),
);
