// GET /api/dashboard/activation2026/machines?type=adba&limit=200 – machines activated a given way
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { searchParams } from "@/lib/access/http/params";
import { activationTypeQuerySchema, listByActivationType } from "@/lib/read/activation2026/listByActivationType";

export const GET = withUser(async (request) =>
  NextResponse.json(await listByActivationType(new Date(), searchParams(request.url, activationTypeQuerySchema))),
);
