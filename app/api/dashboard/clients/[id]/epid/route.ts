// GET /api/dashboard/clients/:id/epid – the KMS host ePIDs this client received and whether each matches its host
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { getClientEpids } from "@/lib/read/clients/getClientEpids";

export const GET = withUser<IdContext>(async (_request, _user, context) =>
  NextResponse.json(await getClientEpids(await idParam(context), new Date())),
);
