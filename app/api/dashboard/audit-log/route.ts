// GET /api/dashboard/audit-log?page= – changes made through the dashboard, newest first (admins)
import { json } from "@/lib/access/http/respond";
import { auditLogPageSchema } from "@/lib/access/contract/admin";
import { withUser } from "@/lib/access/http/handlers";
import { searchParams } from "@/lib/access/http/params";
import { auditLogQuerySchema, getAuditLog } from "@/lib/access/audit/list";

export const GET = withUser(
  async (request) => json(auditLogPageSchema, await getAuditLog(searchParams(request.url, auditLogQuerySchema))),
  {
    role: "admin",
  },
);
