// GET /api/dashboard/alerts – every open finding of the diagnosis rules
import { NextResponse } from "next/server";
import { withUser } from "@/lib/http/handlers";
import { getFindings } from "@/lib/queries/getFindings";

export const GET = withUser(async () => NextResponse.json({ alerts: await getFindings(new Date()) }));
