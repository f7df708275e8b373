// GET /api/health – liveness and database reachability for load balancers and start-up scripts
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { withErrors } from "@/lib/http/handlers";

export const dynamic = "force-dynamic";

export const GET = withErrors(async () => {
  await db().$queryRaw`SELECT 1`;
  return NextResponse.json({ status: "ok" });
});
