// GET /api/dashboard/hosts/:id – one KMS host with its findings
import { NextResponse } from "next/server";
import { withUser } from "@/lib/http/handlers";
import { idParam, type IdContext } from "@/lib/http/params";
import { getHostDetail } from "@/lib/queries/getHostDetail";

export const GET = withUser<IdContext>(async (_request, _user, context) =>
  NextResponse.json(await getHostDetail(await idParam(context), new Date())),
);
