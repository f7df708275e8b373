// Writes one audit row inside the caller's transaction, so a change and its record commit or fail together.
import type { Prisma } from "@/lib/core/generated/prisma/client";
import { db } from "@/lib/core/db";
import type { AuditAction, AuditDetails, AuditTargetKind } from "@/lib/access/audit/actions";

/** Who did it: the e-mail is copied so the entry still names the actor after the user is deleted. */
export type AuditActor = { id: string; email: string };

export type AuditEntry = {
  actor: AuditActor;
  action: AuditAction;
  targetKind: AuditTargetKind;
  targetId: string | null;
  details?: AuditDetails;
};

export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor.id,
      actorEmail: entry.actor.email,
      action: entry.action,
      targetKind: entry.targetKind,
      targetId: entry.targetId,
      details: entry.details ?? {},
    },
    select: { id: true },
  });
}

/** An entry no signed-in person caused (a lockout): no actor id, the actor named by what it was. */
export async function recordSystemAudit(entry: Omit<AuditEntry, "actor"> & { actorLabel: string }) {
  await db().auditLog.create({
    data: {
      actorId: null,
      actorEmail: entry.actorLabel,
      action: entry.action,
      targetKind: entry.targetKind,
      targetId: entry.targetId,
      details: entry.details ?? {},
    },
    select: { id: true },
  });
}
