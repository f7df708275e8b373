// GET /api/dashboard/hosts/:id – one KMS host with its findings
import { json } from "@/lib/access/http/respond";
import { hostDetailSchema } from "@/lib/read/contract/hosts";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { getHostDetail } from "@/lib/read/hosts/getHostDetail";

export const GET = withUser<IdContext>(async (_request, _user, context) =>
  json(hostDetailSchema, await getHostDetail(await idParam(context), new Date())),
);
