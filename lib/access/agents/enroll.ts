// Enrollment: the machine is found or created by FQDN, and a new agent token is issued for it.
// Accepted secrets: any unexpired one in enroll_secret (rotated from the dashboard), and the
// KMSWATCH_ENROLL_SECRET bootstrap secret unless a rotation gave it an expiry that has passed.
// Identities are bound (README "Security"): the enroll secret sits on every client, so it alone must not let
// one machine become another. A machine that has an active agent is taken only by the same installation
// (the installation key it enrolled with); otherwise an admin revokes the old agent first.
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

const takeoverRefused = (fqdn: string) =>
  new ApiError(
    "conflict",
    `${fqdn} already has an active agent, and this enrollment does not carry that installation's key, so it cannot take the ` +
      "machine over. If the machine was reinstalled or its agent's state folder lost, an administrator revokes the old agent " +
      "(Agents page) and this agent enrolls again.",
    "fqdn",
  );

export async function enrollAgent(request: EnrollRequest): Promise<EnrollResponse> {
  await checkEnrollSecret(request.enrollSecret);
  const fqdn = request.fqdn.toLowerCase();
  const keyHash = request.installationKey ? hashToken(request.installationKey) : null;
  const { token, tokenHash, tokenPrefix } = newAgentToken();
  const agent = await db().$transaction(async (tx) => {
    await tx.machine.upsert({ where: { fqdn }, create: { fqdn, hostname: request.hostname }, update: {}, select: { id: true } });
    // Locked: two enrollments of one machine at once are decided one after the other.
    const [machine] = await tx.$queryRaw<{ id: string; installation_key_hash: string | null }[]>`
      SELECT id, installation_key_hash FROM machine WHERE fqdn = ${fqdn} FOR UPDATE`;
    if (!machine) throw new Error(`machine ${fqdn} vanished during enrollment`);
    const active = await tx.agent.count({ where: { machineId: machine.id, revokedAt: null } });
    if (active > 0) {
      const sameInstallation =
        keyHash !== null && machine.installation_key_hash !== null && secretsEqual(keyHash, machine.installation_key_hash);
      if (!sameInstallation) throw takeoverRefused(fqdn);
      // The same installation enrolling again (it lost its token): its earlier tokens retire, so one token writes.
      await tx.agent.updateMany({ where: { machineId: machine.id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    await tx.machine.update({
      where: { id: machine.id },
      data: { hostname: request.hostname, lastSeenAt: new Date(), installationKeyHash: keyHash },
      select: { id: true },
    });
    return tx.agent.create({ data: { machineId: machine.id, tokenHash, tokenPrefix }, select: { id: true } });
  });
  return { agentId: agent.id, token };
}
