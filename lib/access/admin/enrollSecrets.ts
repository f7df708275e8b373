// Enroll secret rotation with an overlap: a new random secret (shown once) is issued and every
// secret still valid — the environment's bootstrap secret included — expires after the overlap.
import { z } from "zod";
import { db } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { hashToken } from "@/lib/access/agents/tokens";
import { recordAudit, type AuditActor } from "@/lib/access/audit/record";
import {
  DEFAULT_OVERLAP_DAYS,
  ENV_SECRET_LABEL,
  MAX_OVERLAP_DAYS,
  expiryAfterRotation,
  isUnexpired,
  overlapExpiry,
} from "@/lib/access/admin/enrollSecretRules";
import { newEnrollSecret } from "@/lib/access/admin/newEnrollSecret";
import type { EnrollSecretList, RotatedEnrollSecret } from "@/lib/access/contract/admin";

export type { EnrollSecretList, RotatedEnrollSecret } from "@/lib/access/contract/admin";

// Serialises concurrent rotations (two admins clicking at once) so expiries are computed on a stable set.
const ROTATION_LOCK_KEY = 72_707_370;

export const rotateEnrollSecretSchema = z.object({
  overlapDays: z.number().int().min(0).max(MAX_OVERLAP_DAYS).default(DEFAULT_OVERLAP_DAYS),
});

export async function listEnrollSecrets(): Promise<EnrollSecretList> {
  const now = new Date();
  const envSecret = env().KMSWATCH_ENROLL_SECRET;
  const envHash = envSecret ? hashToken(envSecret) : null;
  const rows = await db().enrollSecret.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, prefix: true, secretHash: true, createdAt: true, expiresAt: true, createdBy: { select: { email: true } } },
  });
  const envRow = rows.find((row) => row.secretHash === envHash) ?? null;
  const secrets = rows.map((row) => ({
    id: row.id,
    prefix: row.prefix,
    // A row labelled as the environment secret but with another hash is a former value of the variable.
    source: row.prefix === ENV_SECRET_LABEL ? ("environment" as const) : ("rotation" as const),
    isCurrentEnvSecret: row.id === envRow?.id,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdBy: row.createdBy?.email ?? null,
    valid: isUnexpired(row.expiresAt, now),
  }));
  const environment = {
    configured: envSecret !== undefined,
    expiresAt: envRow?.expiresAt?.toISOString() ?? null,
    valid: envSecret !== undefined && (envRow === null || isUnexpired(envRow.expiresAt, now)),
  };
  return { environment, secrets, enrollmentEnabled: environment.valid || secrets.some((s) => s.valid) };
}

export async function rotateEnrollSecret(
  { overlapDays }: z.infer<typeof rotateEnrollSecretSchema>,
  actor: AuditActor,
): Promise<RotatedEnrollSecret> {
  const { secret, secretHash, prefix } = newEnrollSecret();
  const now = new Date();
  const overlapEnd = overlapExpiry(now, overlapDays);
  const envSecret = env().KMSWATCH_ENROLL_SECRET;
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${ROTATION_LOCK_KEY})::text AS locked`;
    // The environment secret gets a row the first time, so its expiry survives restarts; if the
    // row exists already (an earlier rotation) the expiry update below covers it.
    if (envSecret) {
      await tx.enrollSecret.createMany({
        data: [{ secretHash: hashToken(envSecret), prefix: ENV_SECRET_LABEL, expiresAt: overlapEnd, createdAt: now }],
        skipDuplicates: true,
      });
    }
    const previous = await tx.enrollSecret.findMany({
      where: { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { id: true, expiresAt: true },
    });
    for (const row of previous) {
      const expiresAt = expiryAfterRotation(row.expiresAt, overlapEnd);
      if (expiresAt !== row.expiresAt) await tx.enrollSecret.update({ where: { id: row.id }, data: { expiresAt }, select: { id: true } });
    }
    const created = await tx.enrollSecret.create({
      data: { secretHash, prefix, createdById: actor.id, createdAt: now },
      select: { id: true, createdAt: true },
    });
    await recordAudit(tx, {
      actor,
      action: "enroll_secret.rotate",
      targetKind: "enroll_secret",
      targetId: created.id,
      details: { prefix, overlapDays, previousExpireAt: overlapEnd.toISOString(), previousSecrets: previous.length },
    });
    return { id: created.id, secret, prefix, createdAt: created.createdAt.toISOString(), previousExpireAt: overlapEnd.toISOString() };
  });
}
