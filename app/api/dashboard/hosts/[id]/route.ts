// GET /api/dashboard/hosts/:id – one KMS host with its findings
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { getHostDetail } from "@/lib/read/hosts/getHostDetail";

export const GET = withUser<IdContext>(async (_request, _user, context) =>
  NextResponse.json(await getHostDetail(await idParam(context), new Date())),
);
