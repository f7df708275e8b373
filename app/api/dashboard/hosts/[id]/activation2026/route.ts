// GET /api/dashboard/hosts/:id/activation2026 – hardware-secured readiness, key coverage, Office and other KMS log events of a host
import { json } from "@/lib/access/http/respond";
import { hostActivation2026Schema } from "@/lib/read/contract/activation2026";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { getHostActivation2026 } from "@/lib/read/activation2026/getHostActivation2026";

export const GET = withUser<IdContext>(async (_request, _user, context) =>
  json(hostActivation2026Schema, await getHostActivation2026(await idParam(context), new Date())),
);
