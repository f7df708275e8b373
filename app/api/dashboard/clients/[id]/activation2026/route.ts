// GET /api/dashboard/clients/:id/activation2026 – a machine's Windows and Office products, how each is activated, and their coverage
import { json } from "@/lib/access/http/respond";
import { clientActivation2026Schema } from "@/lib/read/contract/activation2026";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { getClientActivation2026 } from "@/lib/read/activation2026/getClientActivation2026";

export const GET = withUser<IdContext>(async (_request, _user, context) =>
  json(clientActivation2026Schema, await getClientActivation2026(await idParam(context))),
);
