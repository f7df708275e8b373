// GET /api/dashboard/hosts/:id/events – latest 12290 requests and 12293 DNS publishing failures
import { json } from "@/lib/access/http/respond";
import { hostEventsSchema } from "@/lib/read/contract/hosts";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { getHostEvents } from "@/lib/read/hosts/getHostEvents";

export const GET = withUser<IdContext>(async (_request, _user, context) =>
  json(hostEventsSchema, await getHostEvents(await idParam(context))),
);
