// POST /api/dashboard/agents/:id/rotate – revoke a (compromised) token and issue a new one, shown once (admins)
import { json } from "@/lib/access/http/respond";
import { rotatedAgentSchema } from "@/lib/access/contract/admin";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { rotateAgent } from "@/lib/access/admin/agentList";

export const POST = withUser<IdContext>(
  async (_request, user, context) =>
    json(rotatedAgentSchema, await rotateAgent(await idParam(context), user), { status: 201, headers: { "cache-control": "no-store" } }),
  { role: "admin" },
);
