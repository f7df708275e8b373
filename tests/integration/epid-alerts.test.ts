// The rogue-host forensic signals (issue #21) as alerts, through the real agent API and the real alert lifecycle:
// situation -> machine -> the alert it must carry, then each resolves when its condition clears or its evidence
// ages out. Ageing 30 days is simulated by moving that evidence's timestamps back in the database.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { AlertView } from "../../lib/evaluate/alerts/view";
import type { Finding } from "../../lib/evaluate/rules/types";
import { type Agent, clientReportsEpid, enrollAgent, hostReportsEpid } from "./epidAgents";
import { callApi, signIn, sql, sqlOne } from "./helpers";

const run = randomUUID().slice(0, 6);
const DOMAIN = "epid-alerts.test";
const hostName = (label: string) => `kms-${label}-${run}.${DOMAIN}`;
const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
const E = {
  host: "03612-00206-566-200001-03-1033-20348.0000-0792022",
  impostor: "03612-00206-271-900005-03-1033-20348.0000-1502024",
  // Activated in 2015 on build 17763, released in 2018: no genuine host has it.
  implausible: "03612-00206-271-998877-03-1033-17763.0000-0452015",
  rekeyed: "03612-00206-566-200002-03-1033-20348.0000-1002025",
  emu1: "06401-00206-271-123456-03-1033-9600.0000-0102019",
  emu2: "05426-00206-152-654321-03-1033-9200.0000-2012017",
  emu3: "03612-00206-271-777777-03-1033-20348.0000-1202024",
  unknown: "03612-00206-271-434343-03-1036-20348.0000-0302023",
};

let cookie = "";
const m: Record<string, Agent & { id: string }> = {};
const BAD_PRODUCT = randomUUID();

async function agent(key: string, hostname: string) {
  const a = await enrollAgent(hostname, DOMAIN);
  const { id } = await sqlOne<{ id: string }>("SELECT id FROM machine WHERE fqdn = $1", [a.fqdn]);
  m[key] = { ...a, id };
  return m[key];
}
const machine = (key: string) => {
  const found = m[key];
  if (!found) throw new Error(`no machine ${key}`);
  return found;
};
async function evaluate() {
  expect((await callApi("POST", "/api/dashboard/alerts/evaluate", cookie)).status).toBe(200);
}
async function alertsOf(key: string): Promise<AlertView[]> {
  const answer = await callApi<{ alerts: AlertView[] }>("GET", `/api/dashboard/alerts?state=all&machineId=${machine(key).id}`, cookie);
  expect(answer.status).toBe(200);
  return answer.body.alerts;
}
async function alertOf(key: string, ruleId: string): Promise<AlertView | undefined> {
  return (await alertsOf(key)).find((a) => a.ruleId === ruleId);
}
/** Moves one ePID's sightings (and the snapshots they point at) back: as if nobody had received it for 40 days. */
async function age(host: string, epid: string) {
  await sql(
    `UPDATE snapshot_seen s SET last_seen_at = s.last_seen_at - interval '40 days'
       FROM kms_epid_sighting e WHERE e.snapshot_id = s.snapshot_id AND e.host = $1 AND e.epid = $2`,
    [host, epid],
  );
  await sql(
    `UPDATE kms_epid_sighting SET first_seen_at = first_seen_at - interval '40 days', last_seen_at = last_seen_at - interval '40 days'
      WHERE host = $1 AND epid = $2`,
    [host, epid],
  );
}

beforeAll(async () => {
  cookie = await signIn();
  expect((await callApi("POST", "/api/dashboard/audit/approved", cookie, { host: hostName("imp") })).status).toBe(201);
  // Impostor: the agent on kms-imp reports E.host; one site's client got another ePID under that name.
  await hostReportsEpid(await agent("imp", `kms-imp-${run}`), randomUUID(), E.host, at(0));
  await clientReportsEpid(await agent("home", `imp-home-${run}`), hostName("imp"), E.host, "10.20.0.16", at(0));
  await clientReportsEpid(await agent("site", `imp-site-${run}`), hostName("imp"), E.impostor, "10.77.0.5", at(0));
  // A host with an agent whose own ePID no genuine host can have.
  await hostReportsEpid(await agent("bad", `kms-bad-${run}`), BAD_PRODUCT, E.implausible, at(0));
  // Emulator: no agent, not approved, a different ePID per client.
  await clientReportsEpid(await agent("emu1", `emu-a-${run}`), hostName("emu"), E.emu1, "10.99.0.7", at(0));
  await clientReportsEpid(await agent("emu2", `emu-b-${run}`), hostName("emu"), E.emu2, "10.99.0.7", at(0));
  // Unknown activator with a plausible ePID.
  await clientReportsEpid(await agent("unk", `unk-${run}`), hostName("unk"), E.unknown, "10.99.0.8", at(0));
  await evaluate();
}, 60_000);

describe("each forensic signal opens an alert on the right machine", () => {
  it.each<[string, string, string, string]>([
    ["impostor on the host's name", "imp", "host-epid-impostor", "critical"],
    ["churn on the host's name", "imp", "host-epid-churn", "warning"],
    ["implausible own ePID", "bad", "host-epid-implausible", "warning"],
    ["client activated by an emulator (1)", "emu1", "client-epid-emulator", "critical"],
    ["client activated by an emulator (2)", "emu2", "client-epid-emulator", "critical"],
    ["unknown activator, on its client", "unk", "client-unapproved-host", "critical"],
  ])("%s: %s carries %s (%s)", async (_situation, key, ruleId, severity) => {
    const alert = await alertOf(key, ruleId);
    expect(alert, `${ruleId} on ${key}`).toBeDefined();
    expect([alert?.state, alert?.severity]).toEqual(["open", severity]);
  });

  it.each([
    ["a client that got the host's own ePID", "home"],
    ["a client an impostor activated (the host's alert names it)", "site"],
    ["an unknown activator with a plausible ePID (its client-unapproved-host says it)", "unk"],
  ])("no forensic alert for %s", async (_situation, key) => {
    const rules = (await alertsOf(key)).map((a) => a.ruleId);
    expect(rules.filter((r) => r.startsWith("client-epid-") || r.startsWith("host-epid-"))).toEqual([]);
  });

  it("the evidence says which ePID, from which name, and how many clients it activated", async () => {
    const emu = await alertOf("emu1", "client-epid-emulator");
    expect(emu?.evidence).toMatchObject({ kmsHost: hostName("emu"), receivedEpid: E.emu1, hostActivatedClients: 2, hostDistinctEpids: 2 });
    const rogue = await alertOf("unk", "client-unapproved-host");
    expect(rogue?.evidence).toMatchObject({ receivedEpid: E.unknown, hostActivatedClients: 1 });
    const hostImp = await alertOf("imp", "host-epid-impostor");
    expect(hostImp?.evidence).toMatchObject({ hostName: hostName("imp"), clients: machine("site").fqdn, ipsReached: "10.77.0.5" });
  });

  it("a client's check-in alone (the evaluation scoped to it, no fleet pass) opens its emulator alert", async () => {
    await clientReportsEpid(await agent("emu3", `emu-c-${run}`), hostName("emu"), E.emu3, "10.99.0.7", at(0));
    const alert = await alertOf("emu3", "client-epid-emulator");
    expect([alert?.state, alert?.severity, alert?.evidence.hostDistinctEpids]).toEqual(["open", "critical", 3]);
  });

  it("the client-level finding is on the client's page, the host-level one on the host's", async () => {
    const client = await callApi<{ findings: Finding[] }>("GET", `/api/dashboard/clients/${machine("emu2").id}`, cookie);
    expect(client.body.findings.map((f) => f.ruleId)).toContain("client-epid-emulator");
    const host = await callApi<{ findings: Finding[] }>("GET", `/api/dashboard/hosts/${machine("imp").id}`, cookie);
    expect(host.body.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(["host-epid-impostor", "host-epid-churn"]));
  });
});

describe("forensic alerts through their lifecycle", () => {
  it("an acknowledged host impostor alert stays while the foreign ePID is recent, then resolves when it is 30 days old", async () => {
    const alert = await alertOf("imp", "host-epid-impostor");
    const acked = await callApi<AlertView>("POST", `/api/dashboard/alerts/${alert?.id}/acknowledge`, cookie);
    expect(acked.body.state).toBe("acknowledged");
    // The client re-activates against the real host: the name was still answered by something else within 30 days.
    await clientReportsEpid(machine("site"), hostName("imp"), E.host, "10.20.0.16", at(0));
    await evaluate();
    expect((await alertOf("imp", "host-epid-impostor"))?.state).toBe("acknowledged");
    await age(hostName("imp"), E.impostor);
    await evaluate();
    expect((await alertOf("imp", "host-epid-impostor"))?.state).toBe("resolved");
    expect((await alertOf("imp", "host-epid-churn"))?.state).toBe("resolved");
  });

  it("implausible resolves when the host reports a plausible ePID (re-keyed), at its own check-in", async () => {
    // No evaluate: the host's own check-in is evaluated for it (the alerts read waits for that pass).
    await hostReportsEpid(machine("bad"), BAD_PRODUCT, E.rekeyed, at(0));
    expect((await alertOf("bad", "host-epid-implausible"))?.state).toBe("resolved");
  });

  it("the emulator's client alerts resolve when its ePIDs age out; the unapproved host stays", async () => {
    await age(hostName("emu"), E.emu1);
    await age(hostName("emu"), E.emu2);
    await age(hostName("emu"), E.emu3);
    await evaluate();
    expect((await alertOf("emu1", "client-epid-emulator"))?.state).toBe("resolved");
    expect((await alertOf("emu2", "client-epid-emulator"))?.state).toBe("resolved");
    expect((await alertOf("emu1", "client-unapproved-host"))?.state).toBe("open");
  });

  it("the host's alert history: opened, acknowledged by the admin, resolved by the system", async () => {
    const events = await sql<{ to_state: string; actor: string }>(
      `SELECT e.to_state::text, e.actor FROM alert_event e JOIN alert a ON a.id = e.alert_id
        WHERE a.machine_id = $1 AND a.rule_id = 'host-epid-impostor' ORDER BY e.at`,
      [machine("imp").id],
    );
    expect(events.map((e) => [e.to_state, e.actor])).toEqual([
      ["open", "system"],
      ["acknowledged", "admin@integration.kmswatch.example"],
      ["resolved", "system"],
    ]);
  });
});
