// GET /api/dashboard/agents?page=&q=&revoked= – enrolled agents and their token state (admins)
import { json } from "@/lib/access/http/respond";
import { agentListSchema } from "@/lib/access/contract/admin";
import { withUser } from "@/lib/access/http/handlers";
import { searchParams } from "@/lib/access/http/params";
import { agentListQuerySchema, listAgents } from "@/lib/access/admin/agentList";

export const GET = withUser(async (request) => json(agentListSchema, await listAgents(searchParams(request.url, agentListQuerySchema))), {
  role: "admin",
});
