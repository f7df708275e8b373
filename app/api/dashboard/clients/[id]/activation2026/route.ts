// GET /api/dashboard/clients/:id/activation2026 – a machine's Windows and Office products, how each is activated, and their coverage
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { getClientActivation2026 } from "@/lib/read/activation2026/getClientActivation2026";

export const GET = withUser<IdContext>(async (_request, _user, context) =>
  NextResponse.json(await getClientActivation2026(await idParam(context))),
);
