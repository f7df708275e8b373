// Agent token revoke/rotate and enroll secret rotation, through the real API. The shared server's
// KMSWATCH_ENROLL_SECRET is used by every other test file: rotations here use a long overlap, only
// rotated secrets are expired (via SQL), and every enroll_secret row made here is deleted at the end.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { callApi as call, enrollMachine, envelope, getJson, post, signIn, sql } from "./helpers";

type AuditEntry = { action: string; actorEmail: string; targetKind: string; targetId: string | null; details: Record<string, unknown> };
type AgentRow = { id: string; fqdn: string; tokenPrefix: string; revokedAt: string | null; enrolledAt: string };
type Secret = {
  id: string;
  prefix: string;
  source: string;
  isCurrentEnvSecret: boolean;
  expiresAt: string | null;
  valid: boolean;
  createdBy: string | null;
};
type SecretList = {
  environment: { configured: boolean; valid: boolean; expiresAt: string | null };
  secrets: Secret[];
  enrollmentEnabled: boolean;
};

const ingest = (token: string) => post("/api/v1/ingest", envelope([]), token);
const enrollWith = (enrollSecret: string) => {
  const hostname = `SEC-${randomUUID().slice(0, 8)}`;
  return post<{ token: string }>("/api/v1/enroll", { enrollSecret, hostname, fqdn: `${hostname}.corp.contoso.com` });
};
async function auditEntry(admin: string, action: string, targetId: string): Promise<AuditEntry | undefined> {
  const answer = await getJson<{ entries: AuditEntry[] }>("/api/dashboard/audit-log", { cookie: admin });
  return answer.body.entries.find((e) => e.action === action && e.targetId === targetId);
}

const startedAt = new Date();
afterAll(async () => {
  // Back to the server's start state: only the environment secret, valid.
  await sql("DELETE FROM enroll_secret WHERE created_at >= $1", [startedAt]);
  expect((await enrollWith(inject("enrollSecret"))).status).toBe(201);
});

describe("agent tokens", () => {
  it("lists agents with their machine and token prefix, never the token", async () => {
    const admin = await signIn();
    const agent = await enrollMachine("LIST");
    const list = await getJson<{ agents: AgentRow[]; total: number }>(`/api/dashboard/agents?q=${agent.fqdn}`, { cookie: admin });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.agents[0]).toMatchObject({ id: agent.agentId, fqdn: agent.fqdn, revokedAt: null, lastSeenAt: null, role: "unknown" });
    expect(agent.token.startsWith(list.body.agents[0]!.tokenPrefix)).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(agent.token);
    expect((await getJson("/api/dashboard/agents?page=0", { cookie: admin })).status).toBe(400);
  });

  it("revokes a token: its ingest gets 401 at once, and the change is audited", async () => {
    const admin = await signIn();
    const agent = await enrollMachine("REVOKE");
    expect((await ingest(agent.token)).status).toBe(200);
    const revoked = await call("POST", `/api/dashboard/agents/${agent.agentId}/revoke`, admin);
    expect(revoked.status).toBe(200);
    expect(await ingest(agent.token)).toMatchObject({ status: 401, body: { error: { code: "unauthorized" } } });
    expect((await call("POST", `/api/dashboard/agents/${agent.agentId}/revoke`, admin)).status).toBe(400);
    expect((await call("POST", `/api/dashboard/agents/${randomUUID()}/revoke`, admin)).status).toBe(404);
    expect((await call("POST", "/api/dashboard/agents/not-a-uuid/revoke", admin)).status).toBe(404);
    expect(await auditEntry(admin, "agent.revoke", agent.agentId)).toMatchObject({
      actorEmail: inject("admin").email,
      targetKind: "agent",
      details: { fqdn: agent.fqdn },
    });
  });

  it("rotates a token: the old one is refused, the new one (shown once) works for the same machine", async () => {
    const admin = await signIn();
    const agent = await enrollMachine("ROTATE");
    const rotated = await call<{ agentId: string; token: string; fqdn: string; tokenPrefix: string }>(
      "POST",
      `/api/dashboard/agents/${agent.agentId}/rotate`,
      admin,
    );
    expect(rotated.status).toBe(201);
    expect(rotated.body.fqdn).toBe(agent.fqdn);
    expect(rotated.body.token).not.toBe(agent.token);
    expect((await ingest(agent.token)).status).toBe(401);
    expect((await ingest(rotated.body.token)).status).toBe(200);
    const list = await getJson<{ agents: AgentRow[] }>(`/api/dashboard/agents?q=${agent.fqdn}`, { cookie: admin });
    expect(list.body.agents.map((a) => [a.id, a.revokedAt === null])).toEqual(
      expect.arrayContaining([
        [agent.agentId, false],
        [rotated.body.agentId, true],
      ]),
    );
    const hidden = await getJson<{ agents: AgentRow[] }>(`/api/dashboard/agents?q=${agent.fqdn}&revoked=exclude`, { cookie: admin });
    expect(hidden.body.agents.map((a) => a.id)).toEqual([rotated.body.agentId]);
    expect(await auditEntry(admin, "agent.rotate", agent.agentId)).toMatchObject({
      actorEmail: inject("admin").email,
      details: { fqdn: agent.fqdn, newAgentId: rotated.body.agentId, newTokenPrefix: rotated.body.tokenPrefix },
    });
  });
});

describe("enroll secret rotation", () => {
  it("issues a new secret, keeps the previous ones during the overlap, and refuses an expired one", async () => {
    const admin = await signIn();
    const before = await getJson<SecretList>("/api/dashboard/enroll-secrets", { cookie: admin });
    expect(before.status).toBe(200);
    expect(before.body.environment).toMatchObject({ configured: true, valid: true, expiresAt: null });

    expect((await call("POST", "/api/dashboard/enroll-secrets/rotate", admin, { overlapDays: -1 })).status).toBe(400);
    expect((await call("POST", "/api/dashboard/enroll-secrets/rotate", admin, { overlapDays: 1000 })).status).toBe(400);

    const first = await call<{ id: string; secret: string; prefix: string }>("POST", "/api/dashboard/enroll-secrets/rotate", admin, {
      overlapDays: 365,
    });
    expect(first.status).toBe(201);
    expect((await enrollWith(first.body.secret)).status).toBe(201);
    // Overlap: the environment secret keeps working, now with an expiry about a year away.
    expect((await enrollWith(inject("enrollSecret"))).status).toBe(201);
    const listed = await getJson<SecretList>("/api/dashboard/enroll-secrets", { cookie: admin });
    expect(JSON.stringify(listed.body)).not.toContain(first.body.secret);
    expect(JSON.stringify(listed.body)).not.toContain(inject("enrollSecret"));
    const days = (Date.parse(listed.body.environment.expiresAt ?? "") - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364);
    expect(listed.body.environment.valid).toBe(true);
    expect(listed.body.secrets.find((s) => s.id === first.body.id)).toMatchObject({
      prefix: first.body.prefix,
      source: "rotation",
      expiresAt: null,
      valid: true,
      createdBy: inject("admin").email,
    });
    expect(await auditEntry(admin, "enroll_secret.rotate", first.body.id)).toMatchObject({
      actorEmail: inject("admin").email,
      targetKind: "enroll_secret",
      details: { prefix: first.body.prefix, overlapDays: 365 },
    });

    const second = await call<{ id: string; secret: string }>("POST", "/api/dashboard/enroll-secrets/rotate", admin, { overlapDays: 365 });
    expect(second.status).toBe(201);
    expect((await enrollWith(first.body.secret)).status).toBe(201);
    // The overlap of the first rotated secret ends (simulated): it is refused, the others still enroll.
    await sql("UPDATE enroll_secret SET expires_at = now() - interval '1 minute' WHERE id = $1", [first.body.id]);
    expect(await enrollWith(first.body.secret)).toMatchObject({
      status: 401,
      body: { error: { code: "unauthorized", path: "enrollSecret" } },
    });
    expect((await enrollWith(second.body.secret)).status).toBe(201);
    expect((await enrollWith(inject("enrollSecret"))).status).toBe(201);
    expect((await enrollWith("never-issued-secret")).status).toBe(401);
    const after = await getJson<SecretList>("/api/dashboard/enroll-secrets", { cookie: admin });
    expect(after.body.secrets.find((s) => s.id === first.body.id)).toMatchObject({ valid: false });
    expect(after.body.secrets.filter((s) => s.isCurrentEnvSecret)).toHaveLength(1);
  });
});
