// Scaling out (docs/scaling.md): a second replica started the way users start one (`npm start` with the same
// DATABASE_URL and secrets) beside the shared server. Whatever one replica accepts or changes holds on the
// other at once: no sticky sessions, no per-replica state a load balancer would have to respect.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Replica, startReplica, stopReplica } from "./replica";
import { checkinsFor, countFor, enrollMachine, envelope, fixture, multiLog, post, signIn, sqlOne } from "./helpers";

type IngestBody = { accepted: number; duplicates: number };
/** A request to the second replica, as `post` and `getJson` (helpers.ts) send them to the shared server. */
async function onB<T = Record<string, unknown>>(
  route: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${replica.url}${route}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
}

let replica: Replica;
beforeAll(async () => {
  replica = await startReplica();
});
afterAll(() => stopReplica(replica));

describe("a second replica on the same database", () => {
  it("starts without applying a migration or creating another admin", async () => {
    expect(replica.output()).toMatch(/Ready in/);
    expect(replica.output()).not.toMatch(/applied migration|created the first admin/);
    const admins = await sqlOne<{ n: number }>("SELECT count(*)::int AS n FROM app_user WHERE email = $1", [inject("admin").email]);
    expect(admins.n).toBe(1);
  });

  it("takes check-ins from an agent enrolled on the other: an unchanged one stores nothing new", async () => {
    const agent = await enrollMachine("REPL");
    const checkin = envelope([{ type: "dlv", text: fixture("dlv", "client-kms-licensed-dns.en-US.txt") }]);
    expect((await post<IngestBody>("/api/v1/ingest", checkin, agent.token)).body.accepted).toBe(1);
    const again = await onB<IngestBody>("/api/v1/ingest", { body: checkin, headers: { authorization: `Bearer ${agent.token}` } });
    expect(again).toMatchObject({ status: 200, body: { accepted: 1, duplicates: 0 } });
    expect(await countFor("snapshot", agent.fqdn)).toBe(1);
    expect(await checkinsFor(agent.fqdn)).toBe(2);
  });

  it("stores events sent to both replicas at once exactly once, and counts the rest as duplicates", async () => {
    const agent = await enrollMachine("REPL-KMS");
    const batch = envelope([multiLog()]);
    const auth = { authorization: `Bearer ${agent.token}` };
    const answers = await Promise.all([
      post<IngestBody>("/api/v1/ingest", batch, agent.token),
      onB<IngestBody>("/api/v1/ingest", { body: batch, headers: auth }),
      post<IngestBody>("/api/v1/ingest", batch, agent.token),
      onB<IngestBody>("/api/v1/ingest", { body: batch, headers: auth }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const stored = await countFor("activation_event", agent.fqdn);
    expect(stored).toBeGreaterThan(2);
    expect(answers.reduce((n, a) => n + a.body.accepted, 0)).toBe(stored);
    expect(answers.reduce((n, a) => n + a.body.duplicates, 0)).toBe(3 * stored);
  });

  it("honours a session signed in on the other replica, and signs in itself", async () => {
    const cookie = await signIn();
    expect((await onB("/api/dashboard/overview", { headers: { cookie } })).status).toBe(200);
    expect((await onB("/api/dashboard/overview")).status).toBe(401);
    const signedIn = await onB("/api/auth/sign-in", { body: inject("admin") });
    expect(signedIn.status).toBe(200);
    const cookieB = signedIn.headers.get("set-cookie")?.split(";")[0] ?? "";
    const onA = await fetch(`${inject("baseUrl")}/api/dashboard/overview`, { headers: { cookie: cookieB } });
    expect(onA.status).toBe(200);
    // Signed out on one replica is signed out on both, at once (issue #17: the session is a database row).
    expect((await onB("/api/auth/sign-out", { method: "POST", headers: { cookie: cookieB } })).status).toBe(200);
    const afterSignOut = await fetch(`${inject("baseUrl")}/api/dashboard/overview`, { headers: { cookie: cookieB } });
    expect(afterSignOut.status).toBe(401);
  });

  it("refuses a token revoked on the other replica at once", async () => {
    const agent = await enrollMachine("REPL-REVOKE");
    const empty = envelope([]);
    expect((await post("/api/v1/ingest", empty, agent.token)).status).toBe(200);
    const cookie = await signIn();
    expect((await onB(`/api/dashboard/agents/${agent.agentId}/revoke`, { method: "POST", headers: { cookie } })).status).toBe(200);
    expect(await post("/api/v1/ingest", empty, agent.token)).toMatchObject({ status: 401, body: { error: { code: "unauthorized" } } });
    expect((await onB("/api/v1/ingest", { body: empty, headers: { authorization: `Bearer ${agent.token}` } })).status).toBe(401);
  });
});
