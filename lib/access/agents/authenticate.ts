// Resolves a bearer token to its agent; revoked or unknown tokens are the same 401.
import { dbPool } from "@/lib/core/db";
import { ApiError } from "@/lib/core/errors";
import { bearerToken, hashToken } from "@/lib/access/agents/tokens";
import { sharedBatcher } from "@/lib/core/naturalBatcher";

export type AuthenticatedAgent = { agentId: string; machineId: string; fqdn: string };
type TokenOwner = AuthenticatedAgent & { revoked: boolean };

/** The owners of many token hashes in one indexed lookup, in the order asked (undefined: unknown token). */
async function lookUpTokens(hashes: string[]): Promise<(TokenOwner | undefined)[]> {
  // Every agent request passes here, and on the pool (about a tenth of the CPU of a relational findUnique
  // through Prisma's query compiler: 0.2 ms against 1.7 ms). The hashes are matched by position, never selected.
  // Named: parsed and planned once per pooled connection, not once per batch.
  const { rows } = await dbPool().query<{ n: string; agent_id: string; machine_id: string; fqdn: string; revoked: boolean }>({
    name: "look-up-agent-tokens",
    text: `SELECT t.n, a.id AS agent_id, m.id AS machine_id, m.fqdn, a.revoked_at IS NOT NULL AS revoked
       FROM unnest($1::text[]) WITH ORDINALITY AS t(token_hash, n)
       JOIN agent a ON a.token_hash = t.token_hash
       JOIN machine m ON m.id = a.machine_id`,
    values: [hashes],
  });
  const owners: (TokenOwner | undefined)[] = hashes.map(() => undefined);
  for (const r of rows) owners[Number(r.n) - 1] = { agentId: r.agent_id, machineId: r.machine_id, fqdn: r.fqdn, revoked: r.revoked };
  return owners;
}

export async function authenticateAgent(authorization: string | null): Promise<AuthenticatedAgent> {
  const token = bearerToken(authorization);
  if (!token) throw new ApiError("unauthorized", "missing bearer token: send 'Authorization: Bearer <agent token>'");
  // Concurrent requests share one lookup (natural batching): a busy fleet's check-ins cost the database one
  // round trip per batch, not per request. Never cached, so a revoked token is refused at once everywhere.
  const owner = await sharedBatcher("token-lookups", lookUpTokens).submit(hashToken(token));
  if (!owner || owner.revoked) throw new ApiError("unauthorized", "unknown or revoked agent token; enroll again");
  return { agentId: owner.agentId, machineId: owner.machineId, fqdn: owner.fqdn };
}
