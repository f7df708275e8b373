// GET /api/dashboard/me – the signed-in user
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";

export const GET = withUser(async (_request, user) => NextResponse.json({ user }));
