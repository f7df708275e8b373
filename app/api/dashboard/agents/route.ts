// GET /api/dashboard/agents?page=&q=&revoked= – enrolled agents and their token state (admins)
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { searchParams } from "@/lib/access/http/params";
import { agentListQuerySchema, listAgents } from "@/lib/access/admin/agentList";

export const GET = withUser(async (request) => NextResponse.json(await listAgents(searchParams(request.url, agentListQuerySchema))), {
  role: "admin",
});
