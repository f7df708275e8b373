// The audit log page: newest first, paged.
import { z } from "zod";
import { db } from "@/lib/core/db";
import { describeAudit } from "@/lib/access/audit/actions";
import type { AuditLogPage } from "@/lib/access/contract/admin";

export type { AuditLogEntry, AuditLogPage } from "@/lib/access/contract/admin";

export const AUDIT_PAGE_SIZE = 50;

export const auditLogQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export async function getAuditLog({ page }: z.infer<typeof auditLogQuerySchema>): Promise<AuditLogPage> {
  const [total, rows] = await Promise.all([
    db().auditLog.count(),
    db().auditLog.findMany({
      // id breaks ties between entries of the same millisecond so paging is stable.
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, actorId: true, actorEmail: true, action: true, targetKind: true, targetId: true, details: true },
    }),
  ]);
  const entries = rows.map((row) => {
    const details =
      row.details && typeof row.details === "object" && !Array.isArray(row.details) ? (row.details as Record<string, unknown>) : {};
    return { ...row, at: row.at.toISOString(), details, summary: describeAudit(row.action, details) };
  });
  return { entries, total, page, pageSize: AUDIT_PAGE_SIZE };
}
