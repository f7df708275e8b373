// GET /api/dashboard/clients?q=&state=&channel=&kmsHost=&page= – search and filter clients
import { NextResponse } from "next/server";
import { withUser } from "@/lib/http/handlers";
import { searchParams } from "@/lib/http/params";
import { clientListQuerySchema, getClientList } from "@/lib/queries/getClientList";

export const GET = withUser(async (request) => NextResponse.json(await getClientList(searchParams(request.url, clientListQuerySchema))));
