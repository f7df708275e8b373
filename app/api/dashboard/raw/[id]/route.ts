// GET /api/dashboard/raw/:id – a raw /dlv text or CIM JSON as the agent sent it
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { getRawArtifact } from "@/lib/read/clients/getRawArtifact";

export const GET = withUser<IdContext>(async (_request, _user, context) => NextResponse.json(await getRawArtifact(await idParam(context))));
