// GET /api/dashboard/audit-log?page= – changes made through the dashboard, newest first (admins)
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { searchParams } from "@/lib/access/http/params";
import { auditLogQuerySchema, getAuditLog } from "@/lib/access/audit/list";

export const GET = withUser(async (request) => NextResponse.json(await getAuditLog(searchParams(request.url, auditLogQuerySchema))), {
  role: "admin",
});
