// GET /api/dashboard/hosts/:id/clients – the clients a KMS host served (30 days)
import { NextResponse } from "next/server";
import { withUser } from "@/lib/http/handlers";
import { idParam, type IdContext } from "@/lib/http/params";
import { getHostClients } from "@/lib/queries/getHostClients";

export const GET = withUser<IdContext>(async (_request, _user, context) =>
  NextResponse.json(await getHostClients(await idParam(context), new Date())),
);
