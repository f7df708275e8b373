// Enrollment: the machine is found or created by FQDN, and a new agent token is issued for it.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { newAgentToken, secretsEqual } from "@/lib/agents/tokens";
import type { EnrollRequest, EnrollResponse } from "@/lib/protocol";

export async function enrollAgent(request: EnrollRequest): Promise<EnrollResponse> {
  const secret = env().KMSWATCH_ENROLL_SECRET;
  if (!secret) throw new ApiError("enrollment_disabled", "enrollment is disabled: KMSWATCH_ENROLL_SECRET is not set on the server");
  if (!secretsEqual(request.enrollSecret, secret)) throw new ApiError("unauthorized", "enroll secret is wrong", "enrollSecret");
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
