// POST /api/dashboard/notifications/channels/:id/test – send a test message now and report the attempt (admins)
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { sendTestNotification } from "@/lib/evaluate/notify/channelMutations";

export const POST = withUser<IdContext>(
  async (_request, _user, context) => NextResponse.json(await sendTestNotification(await idParam(context))),
  { role: "admin" },
);
