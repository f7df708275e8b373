// GET /api/dashboard/activation2026/machines?type=adba&limit=200 – machines activated a given way
import { json } from "@/lib/access/http/respond";
import { activationTypeListSchema } from "@/lib/read/contract/activation2026";
import { withUser } from "@/lib/access/http/handlers";
import { searchParams } from "@/lib/access/http/params";
import { activationTypeQuerySchema, listByActivationType } from "@/lib/read/activation2026/listByActivationType";

export const GET = withUser(async (request) =>
  json(activationTypeListSchema, await listByActivationType(new Date(), searchParams(request.url, activationTypeQuerySchema))),
);
