// Resolves a bearer token to its agent; revoked or unknown tokens are the same 401.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { bearerToken, hashToken } from "@/lib/agents/tokens";

export type AuthenticatedAgent = { agentId: string; machineId: string; fqdn: string };

export async function authenticateAgent(authorization: string | null): Promise<AuthenticatedAgent> {
  const token = bearerToken(authorization);
  if (!token) throw new ApiError("unauthorized", "missing bearer token: send 'Authorization: Bearer <agent token>'");
  const agent = await db().agent.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, machine: { select: { id: true, fqdn: true } } },
  });
  if (!agent || agent.revokedAt) throw new ApiError("unauthorized", "unknown or revoked agent token; enroll again");
  return { agentId: agent.id, machineId: agent.machine.id, fqdn: agent.machine.fqdn };
}
