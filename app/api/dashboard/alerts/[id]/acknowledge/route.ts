// POST /api/dashboard/alerts/:id/acknowledge – mark an open alert as being handled (admins)
import { NextResponse } from "next/server";
import { withUser } from "@/lib/http/handlers";
import { idParam, type IdContext } from "@/lib/http/params";
import { applyAlertAction } from "@/lib/alerts/actions";
import { readActionBody } from "@/lib/alerts/actionSchemas";

export const POST = withUser<IdContext>(
  async (request, user, context) => {
    const id = await idParam(context);
    const body = await readActionBody(request);
    return NextResponse.json(await applyAlertAction(id, { kind: "acknowledge" }, user, body.note));
  },
  { role: "admin" },
);
