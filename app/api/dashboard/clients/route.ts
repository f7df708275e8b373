// GET /api/dashboard/clients?q=&state=&channel=&kmsHost=&page=|after= – search and filter clients (page, or keyset cursor)
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { searchParams } from "@/lib/access/http/params";
import { clientListQuerySchema, getClientList } from "@/lib/read/clients/getClientList";

export const GET = withUser(async (request) => NextResponse.json(await getClientList(searchParams(request.url, clientListQuerySchema))));
