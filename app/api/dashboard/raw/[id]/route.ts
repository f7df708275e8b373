// GET /api/dashboard/raw/:id – a raw /dlv text or CIM JSON as the agent sent it
import { json } from "@/lib/access/http/respond";
import { rawArtifactSchema } from "@/lib/read/contract/clients";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { getRawArtifact } from "@/lib/read/clients/getRawArtifact";

export const GET = withUser<IdContext>(async (_request, _user, context) =>
  json(rawArtifactSchema, await getRawArtifact(await idParam(context))),
);
