// GET /api/dashboard/activation2026 – fleet: hardware-secured readiness, product coverage by host keys, activation types
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { getFleetActivation2026 } from "@/lib/read/activation2026/getFleetActivation2026";

export const GET = withUser(async () => NextResponse.json(await getFleetActivation2026(new Date())));
