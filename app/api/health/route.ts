// GET /api/health – liveness and database reachability for load balancers and start-up scripts
import { NextResponse } from "next/server";
import { db } from "@/lib/core/db";
import { withErrors } from "@/lib/access/http/handlers";

export const dynamic = "force-dynamic";

export const GET = withErrors(async () => {
  await db().$queryRaw`SELECT 1`;
  return NextResponse.json({ status: "ok" });
});
