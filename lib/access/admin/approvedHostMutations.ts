// Editing the approved KMS host list from the audit page; each change is written to the audit log
// in the same transaction.
import { z } from "zod";
import { db } from "@/lib/core/db";
import { ApiError } from "@/lib/core/errors";
import { normalizeHostName } from "@/lib/kms/hostNames";
import { recordAudit, type AuditActor } from "@/lib/access/audit/record";

export const approveHostSchema = z.object({
  host: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9._:[\]-]+$/, "must be a host name or address (letters, digits, '.', '-', ':')"),
  note: z.string().max(500).optional(),
});
export type ApproveHost = z.infer<typeof approveHostSchema>;

export async function approveHost(input: ApproveHost, actor: AuditActor) {
  const host = normalizeHostName(input.host);
  if (!host) throw new ApiError("invalid_request", "host is not a host name", "host");
  return db().$transaction(async (tx) => {
    const approved = await tx.approvedKmsHost.upsert({
      where: { host },
      create: { host, note: input.note ?? null, createdById: actor.id },
      update: { note: input.note ?? null },
      select: { id: true, host: true },
    });
    await recordAudit(tx, {
      actor,
      action: "host.approve",
      targetKind: "approved_host",
      targetId: approved.id,
      details: { host, note: input.note ?? null },
    });
    return approved;
  });
}

export async function unapproveHost(host: string, actor: AuditActor) {
  const name = normalizeHostName(host) ?? "";
  await db().$transaction(async (tx) => {
    const removed = await tx.approvedKmsHost.findUnique({ where: { host: name }, select: { id: true } });
    if (!removed) throw new ApiError("not_found", "that host is not in the approved list", "host");
    // deleteMany, not delete: a concurrent removal is then a no-op instead of a thrown P2025.
    await tx.approvedKmsHost.deleteMany({ where: { id: removed.id } });
    await recordAudit(tx, { actor, action: "host.unapprove", targetKind: "approved_host", targetId: removed.id, details: { host: name } });
  });
}
