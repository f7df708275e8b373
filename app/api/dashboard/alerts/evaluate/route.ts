// POST /api/dashboard/alerts/evaluate – evaluate every rule now, then group and send notifications (admins)
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { evaluateAndNotify } from "@/lib/evaluate/alerts/evaluateAndNotify";

export const POST = withUser(async () => NextResponse.json(await evaluateAndNotify()), { role: "admin" });
