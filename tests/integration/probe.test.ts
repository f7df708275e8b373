// The client reachability probe (additive protocol change): stored once, and used by the diagnosis
// to tell "DNS has no _vlmcs record" from "host down / port blocked".
import { describe, expect, it } from "vitest";
import { countFor, enrollMachine, envelope, fixture, getJson, post, signIn } from "./helpers";

const probe = (tcpOk: boolean) => ({
  type: "probe",
  checkedAt: "2026-11-20T10:00:00Z",
  domain: "corp.contoso.com",
  srvRecords: [{ target: "kms01.corp.contoso.com", port: 1688, priority: 0, weight: 0 }],
  srvError: null,
  target: { host: "kms01.corp.contoso.com", port: 1688, source: "dns" },
  tcp: { ok: tcpOk, latencyMs: tcpOk ? 3.2 : null, error: tcpOk ? null : "ETIMEDOUT" },
});

describe("probe artifacts", () => {
  it("are stored once and explain an unanswered request", async () => {
    const agent = await enrollMachine("PRB");
    const failedRequest = fixture("events", "client-12288-failure-rpc-unavailable.xml");
    const first = await post<{ accepted: number; rejected: unknown[] }>(
      "/api/v1/ingest",
      envelope([
        { type: "dlv", text: fixture("dlv", "client-kms-initial-grace-unreachable.en-US.txt") },
        { type: "events", log: "Application", xml: failedRequest },
        probe(false),
      ]),
      agent.token,
    );
    expect(first.body).toMatchObject({ accepted: 3, rejected: [] });
    await post("/api/v1/ingest", envelope([probe(false)]), agent.token);
    expect(await countFor("probe_result", agent.fqdn)).toBe(1);

    const bad = await post("/api/v1/ingest", envelope([{ ...probe(true), tcp: { ok: "yes" } }]), agent.token);
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "invalid_request" } } });

    const cookie = await signIn();
    const { body: list } = await getJson<{ rows: { id: string; fqdn: string }[] }>(`/api/dashboard/clients?q=${agent.fqdn}`, { cookie });
    const { body } = await getJson<{ findings: { ruleId: string; cause: string }[] }>(`/api/dashboard/clients/${list.rows[0]!.id}`, {
      cookie,
    });
    const unreachable = body.findings.find((f) => f.ruleId === "client-host-unreachable");
    expect(unreachable?.cause).toMatch(/TCP|port|blocked|down/i);
  });
});
