// POST /api/dashboard/agents/:id/revoke – revoke an agent token; its ingest answers 401 at once (admins)
import { json } from "@/lib/access/http/respond";
import { revokedAgentSchema } from "@/lib/access/contract/admin";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { revokeAgent } from "@/lib/access/admin/agentList";

export const POST = withUser<IdContext>(
  async (_request, user, context) => json(revokedAgentSchema, await revokeAgent(await idParam(context), user)),
  { role: "admin" },
);
