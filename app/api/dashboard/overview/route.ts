// GET /api/dashboard/overview – fleet health at a glance
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { getFleetOverview } from "@/lib/read/fleet/getFleetOverview";

export const GET = withUser(async () => NextResponse.json(await getFleetOverview(new Date())));
