// Enrollment: the machine is found or created by FQDN, and a new agent token is issued for it.
// Accepted secrets: any unexpired one in enroll_secret (rotated from the dashboard), and the
// KMSWATCH_ENROLL_SECRET bootstrap secret unless a rotation gave it an expiry that has passed.
import { db } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { ApiError } from "@/lib/core/errors";
import { hashToken, newAgentToken, secretsEqual } from "@/lib/access/agents/tokens";
import { decideEnrollSecret } from "@/lib/access/admin/enrollSecretRules";
import type { EnrollRequest, EnrollResponse } from "@/lib/kms/protocol";

async function checkEnrollSecret(given: string): Promise<void> {
  const now = new Date();
  const envSecret = env().KMSWATCH_ENROLL_SECRET;
  const row = await db().enrollSecret.findUnique({ where: { secretHash: hashToken(given) }, select: { expiresAt: true } });
  // Only needed to tell "disabled" from "wrong" when there is no environment secret.
  const anyUnexpiredRow =
    row || envSecret ? true : (await db().enrollSecret.count({ where: { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } })) > 0;
  const decision = decideEnrollSecret({
    row,
    matchesEnvSecret: envSecret !== undefined && secretsEqual(given, envSecret),
    envSecretSet: envSecret !== undefined,
    anyUnexpiredRow,
    now,
  });
  if (decision === "disabled") {
    throw new ApiError(
      "enrollment_disabled",
      "enrollment is disabled: KMSWATCH_ENROLL_SECRET is not set on the server and no enroll secret was issued",
    );
  }
  // Same message for wrong and expired: an expired secret is as useless to its holder as a wrong one.
  if (decision === "refuse") throw new ApiError("unauthorized", "enroll secret is wrong or has expired", "enrollSecret");
}

export async function enrollAgent(request: EnrollRequest): Promise<EnrollResponse> {
  await checkEnrollSecret(request.enrollSecret);
  const fqdn = request.fqdn.toLowerCase();
  const { token, tokenHash, tokenPrefix } = newAgentToken();
  const agent = await db().$transaction(async (tx) => {
    const machine = await tx.machine.upsert({
      where: { fqdn },
      create: { fqdn, hostname: request.hostname },
      update: { hostname: request.hostname, lastSeenAt: new Date() },
      select: { id: true },
    });
    return tx.agent.create({ data: { machineId: machine.id, tokenHash, tokenPrefix }, select: { id: true } });
  });
  return { agentId: agent.id, token };
}
