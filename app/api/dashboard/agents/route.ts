// GET /api/dashboard/agents?page=&q=&revoked= – enrolled agents and their token state (admins)
import { NextResponse } from "next/server";
import { withUser } from "@/lib/http/handlers";
import { searchParams } from "@/lib/http/params";
import { agentListQuerySchema, listAgents } from "@/lib/admin/agents";

export const GET = withUser(async (request) => NextResponse.json(await listAgents(searchParams(request.url, agentListQuerySchema))), { role: "admin" });
