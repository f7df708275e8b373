// Agent administration: list enrolled agents, revoke a token, rotate one (revoke + a fresh token
// for the same machine, shown once). Every change is audited in the same transaction.
import { z } from "zod";
import { db } from "@/lib/core/db";
import { ApiError } from "@/lib/core/errors";
import { newAgentToken } from "@/lib/access/agents/tokens";
import { recordAudit, type AuditActor } from "@/lib/access/audit/record";
import type { AgentList, RotatedAgent } from "@/lib/access/contract/admin";

export type { AgentList, AgentRow, RotatedAgent } from "@/lib/access/contract/admin";

export const AGENTS_PAGE_SIZE = 50;

export const agentListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  q: z.string().trim().max(255).optional(),
  /** Revoked tokens pile up (every re-enrollment leaves one): hidden unless asked for. */
  revoked: z.enum(["include", "exclude"]).default("include"),
});
export type AgentListQuery = z.infer<typeof agentListQuerySchema>;

const agentSelect = {
  id: true,
  tokenPrefix: true,
  agentVersion: true,
  enrolledAt: true,
  lastSeenAt: true,
  revokedAt: true,
  machine: { select: { id: true, fqdn: true, role: true } },
} as const;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export async function listAgents(query: AgentListQuery): Promise<AgentList> {
  const where = {
    ...(query.q ? { machine: { fqdn: { contains: query.q.toLowerCase() } } } : {}),
    ...(query.revoked === "exclude" ? { revokedAt: null } : {}),
  };
  const [total, rows] = await Promise.all([
    db().agent.count({ where }),
    db().agent.findMany({
      where,
      orderBy: [{ enrolledAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * AGENTS_PAGE_SIZE,
      take: AGENTS_PAGE_SIZE,
      select: agentSelect,
    }),
  ]);
  const agents = rows.map((a) => ({
    id: a.id,
    machineId: a.machine.id,
    fqdn: a.machine.fqdn,
    role: a.machine.role,
    agentVersion: a.agentVersion,
    tokenPrefix: a.tokenPrefix,
    enrolledAt: a.enrolledAt.toISOString(),
    lastSeenAt: iso(a.lastSeenAt),
    revokedAt: iso(a.revokedAt),
  }));
  return { agents, total, page: query.page, pageSize: AGENTS_PAGE_SIZE };
}

export async function revokeAgent(id: string, actor: AuditActor): Promise<{ id: string; revokedAt: string }> {
  return db().$transaction(async (tx) => {
    const agent = await tx.agent.findUnique({ where: { id }, select: agentSelect });
    if (!agent) throw new ApiError("not_found", "no such agent", "id");
    if (agent.revokedAt) throw new ApiError("invalid_request", "this agent token is already revoked", "id");
    const revokedAt = new Date();
    // The revokedAt: null guard makes a concurrent second revoke a no-op instead of a second audit row.
    const { count } = await tx.agent.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
    if (count === 0) throw new ApiError("invalid_request", "this agent token is already revoked", "id");
    await recordAudit(tx, {
      actor,
      action: "agent.revoke",
      targetKind: "agent",
      targetId: id,
      details: { fqdn: agent.machine.fqdn, tokenPrefix: agent.tokenPrefix },
    });
    return { id, revokedAt: revokedAt.toISOString() };
  });
}

/**
 * For a compromised token: the old token is revoked and a new one issued to the same machine.
 * The new token is returned once and must be installed by hand (the agent's token.json); an agent
 * that keeps the enroll secret simply re-enrolls on its next run instead.
 */
export async function rotateAgent(id: string, actor: AuditActor): Promise<RotatedAgent> {
  const { token, tokenHash, tokenPrefix } = newAgentToken();
  return db().$transaction(async (tx) => {
    const agent = await tx.agent.findUnique({ where: { id }, select: agentSelect });
    if (!agent) throw new ApiError("not_found", "no such agent", "id");
    await tx.agent.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    // A new agent row, not a new hash on the old one: ingest batches keep pointing at the token that sent them.
    const fresh = await tx.agent.create({
      data: { machineId: agent.machine.id, tokenHash, tokenPrefix, agentVersion: agent.agentVersion },
      select: { id: true, enrolledAt: true },
    });
    await recordAudit(tx, {
      actor,
      action: "agent.rotate",
      targetKind: "agent",
      targetId: id,
      details: { fqdn: agent.machine.fqdn, oldTokenPrefix: agent.tokenPrefix, newTokenPrefix: tokenPrefix, newAgentId: fresh.id },
    });
    return {
      previousAgentId: id,
      agentId: fresh.id,
      fqdn: agent.machine.fqdn,
      token,
      tokenPrefix,
      enrolledAt: fresh.enrolledAt.toISOString(),
    };
  });
}
