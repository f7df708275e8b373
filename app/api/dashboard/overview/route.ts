// GET /api/dashboard/overview – fleet health at a glance
import { NextResponse } from "next/server";
import { withUser } from "@/lib/http/handlers";
import { getFleetOverview } from "@/lib/queries/getFleetOverview";

export const GET = withUser(async () => NextResponse.json(await getFleetOverview(new Date())));
