// Roles, user administration and the audit log, through the real API.
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { callApi as call, enrollMachine, getJson, signIn, sql } from "./helpers";

type User = { id: string; email: string; role: string };
type AuditEntry = {
  action: string;
  actorId: string | null;
  actorEmail: string;
  targetKind: string;
  targetId: string | null;
  details: Record<string, unknown>;
  summary: string;
};

const email = (who: string) => `${who}-${randomUUID().slice(0, 8)}@integration.kmswatch.example`;
const password = "a-good-password-1";

async function createUser(admin: string, role: "admin" | "viewer", who: string = role) {
  const answer = await call<User>("POST", "/api/dashboard/users", admin, { email: email(who), name: who, role, password });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

async function auditEntries(admin: string): Promise<AuditEntry[]> {
  const answer = await getJson<{ entries: AuditEntry[] }>("/api/dashboard/audit-log?page=1", { cookie: admin });
  expect(answer.status).toBe(200);
  return answer.body.entries;
}

describe("roles", () => {
  it("lets a viewer read every dashboard but refuses every change and every admin page with 403", async () => {
    const admin = await signIn();
    const viewerUser = await createUser(admin, "viewer");
    const viewer = await signIn({ email: viewerUser.email, password });
    for (const route of [
      "/api/dashboard/me",
      "/api/dashboard/overview",
      "/api/dashboard/hosts",
      "/api/dashboard/clients",
      "/api/dashboard/alerts",
      "/api/dashboard/audit",
      "/api/dashboard/duplicate-cmids",
    ]) {
      expect((await getJson(route, { cookie: viewer })).status, route).toBe(200);
    }
    const agent = await enrollMachine("VIEWER");
    const adminId = (await getJson<{ user: User }>("/api/dashboard/me", { cookie: admin })).body.user.id;
    const refused: [string, string, unknown?][] = [
      ["GET", "/api/dashboard/agents"],
      ["GET", "/api/dashboard/users"],
      ["GET", "/api/dashboard/enroll-secrets"],
      ["GET", "/api/dashboard/audit-log"],
      ["POST", "/api/dashboard/audit/approved", { host: "kms-viewer.corp.contoso.com" }],
      ["DELETE", "/api/dashboard/audit/approved?host=kms01.corp.contoso.com"],
      ["POST", `/api/dashboard/agents/${agent.agentId}/revoke`],
      ["POST", `/api/dashboard/agents/${agent.agentId}/rotate`],
      ["POST", "/api/dashboard/enroll-secrets/rotate", { overlapDays: 365 }],
      ["POST", "/api/dashboard/users", { email: email("nope"), name: "x", role: "admin", password }],
      ["PATCH", `/api/dashboard/users/${viewerUser.id}`, { role: "admin" }],
      ["POST", `/api/dashboard/users/${adminId}/password`, { password }],
      ["DELETE", `/api/dashboard/users/${adminId}`],
    ];
    for (const [method, route, body] of refused) {
      const answer = await call(method, route, viewer, body);
      expect(answer.status, `${method} ${route}`).toBe(403);
      expect(answer.body).toMatchObject({ error: { code: "forbidden" } });
    }
    // Nothing happened: the agent still works, the viewer is still a viewer.
    const agents = await sql<{ revoked_at: Date | null }>("SELECT revoked_at FROM agent WHERE id = $1", [agent.agentId]);
    expect(agents[0]!.revoked_at).toBeNull();
    expect((await sql<{ role: string }>("SELECT role::text FROM app_user WHERE id = $1", [viewerUser.id]))[0]!.role).toBe("viewer");
  });

  it("audits approving and removing a host with the acting admin", async () => {
    const admin = await signIn();
    const host = `kms-audit-${randomUUID().slice(0, 6)}.corp.contoso.com`;
    const approved = await call<{ id: string }>("POST", "/api/dashboard/audit/approved", admin, { host });
    expect(approved.status).toBe(201);
    expect((await call("DELETE", `/api/dashboard/audit/approved?host=${host}`, admin)).status).toBe(200);
    const entries = await auditEntries(admin);
    const mine = entries.filter((e) => e.targetId === approved.body.id);
    expect(mine.map((e) => e.action)).toEqual(["host.unapprove", "host.approve"]);
    for (const entry of mine)
      expect(entry).toMatchObject({ actorEmail: inject("admin").email, targetKind: "approved_host", details: { host } });
  });
});

describe("user administration", () => {
  it("creates users, refuses duplicates and bad input, and lists them without password hashes", async () => {
    const admin = await signIn();
    const user = await createUser(admin, "viewer");
    const again = await call("POST", "/api/dashboard/users", admin, {
      email: user.email.toUpperCase(),
      name: "x",
      role: "viewer",
      password,
    });
    expect(again).toMatchObject({ status: 400, body: { error: { path: "email" } } });
    const short = await call("POST", "/api/dashboard/users", admin, {
      email: email("short"),
      name: "x",
      role: "viewer",
      password: "short",
    });
    expect(short).toMatchObject({ status: 400, body: { error: { path: "password" } } });
    const list = await getJson<{ users: Record<string, unknown>[] }>("/api/dashboard/users", { cookie: admin });
    expect(list.status).toBe(200);
    const listed = list.body.users.find((u) => u.id === user.id);
    expect(listed).toMatchObject({ email: user.email, role: "viewer", lastSignInAt: null });
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|passwordHash/);
    const entry = (await auditEntries(admin)).find((e) => e.action === "user.create" && e.targetId === user.id);
    expect(entry).toMatchObject({ actorEmail: inject("admin").email, targetKind: "user", details: { email: user.email, role: "viewer" } });
  });

  it("never demotes or deletes the last admin, nor lets an admin delete themselves", async () => {
    const admin = await signIn();
    const me = (await getJson<{ user: User }>("/api/dashboard/me", { cookie: admin })).body.user;
    const admins = await sql<{ n: number }>("SELECT count(*)::int AS n FROM app_user WHERE role = 'admin'");
    expect(admins[0]!.n, "this test expects the environment's admin to be the only one").toBe(1);
    const demote = await call("PATCH", `/api/dashboard/users/${me.id}`, admin, { role: "viewer" });
    expect(demote).toMatchObject({ status: 400, body: { error: { path: "role" } } });
    expect(String((demote.body as { error: { message: string } }).error.message)).toMatch(/last administrator/);
    const removeSelf = await call("DELETE", `/api/dashboard/users/${me.id}`, admin);
    expect(removeSelf).toMatchObject({ status: 400 });
    expect((await getJson<{ user: User }>("/api/dashboard/me", { cookie: admin })).body.user.role).toBe("admin");
    expect((await call("DELETE", `/api/dashboard/users/${randomUUID()}`, admin)).status).toBe(404);
  });

  it("applies a role change at once, resets passwords and deletes users, all audited", async () => {
    const admin = await signIn();
    const second = await createUser(admin, "admin", "second");
    let secondCookie = await signIn({ email: second.email, password });
    // With two admins, one may step down; the role change ends its sessions (issue #17), and its next session is a viewer's.
    const stepDown = await call<User>("PATCH", `/api/dashboard/users/${second.id}`, secondCookie, { role: "viewer" });
    expect(stepDown).toMatchObject({ status: 200, body: { role: "viewer" } });
    expect((await getJson("/api/dashboard/me", { cookie: secondCookie })).status).toBe(401);
    secondCookie = await signIn({ email: second.email, password });
    expect(
      (await call("POST", "/api/dashboard/users", secondCookie, { email: email("x"), name: "x", role: "viewer", password })).status,
    ).toBe(403);
    expect((await call<User>("PATCH", `/api/dashboard/users/${second.id}`, admin, { role: "admin" })).body.role).toBe("admin");

    const reset = await call("POST", `/api/dashboard/users/${second.id}/password`, admin, { password: "another-password-2" });
    expect(reset.status).toBe(200);
    await expect(signIn({ email: second.email, password })).rejects.toThrow(/401/);
    secondCookie = await signIn({ email: second.email, password: "another-password-2" });

    // The second admin approves a host, then is deleted: the entry keeps its e-mail.
    const host = `kms-del-${randomUUID().slice(0, 6)}.corp.contoso.com`;
    const approved = await call<{ id: string }>("POST", "/api/dashboard/audit/approved", secondCookie, { host });
    expect(approved.status).toBe(201);
    expect(await call("DELETE", `/api/dashboard/users/${second.id}`, admin)).toMatchObject({ status: 200, body: { deleted: second.id } });
    expect((await getJson("/api/dashboard/me", { cookie: secondCookie })).status).toBe(401);
    expect((await call("DELETE", `/api/dashboard/audit/approved?host=${host}`, admin)).status).toBe(200);

    const entries = await auditEntries(admin);
    const about = (action: string) => entries.find((e) => e.action === action && e.targetId === second.id);
    expect(about("user.role_change")).toMatchObject({ actorEmail: inject("admin").email, details: { from: "viewer", to: "admin" } });
    expect(entries.find((e) => e.action === "user.role_change" && e.targetId === second.id && e.actorEmail === second.email)).toMatchObject(
      { actorId: null, details: { from: "admin", to: "viewer" } },
    );
    expect(about("user.password_reset")).toMatchObject({ actorEmail: inject("admin").email, details: { email: second.email } });
    expect(about("user.delete")).toMatchObject({ actorEmail: inject("admin").email, details: { email: second.email, role: "admin" } });
    expect(entries.find((e) => e.action === "host.approve" && e.targetId === approved.body.id)).toMatchObject({
      actorId: null,
      actorEmail: second.email,
    });
    expect(JSON.stringify(entries)).not.toContain("another-password-2");
  });
});
