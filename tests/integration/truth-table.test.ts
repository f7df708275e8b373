// The truth table (tests/support/truthTable.ts): each situation driven through the real agent API into a real
// database (the simulator's fleet, plus hand-made payloads where it has no such case), then the same JSON the
// host and client pages read, asserted row by row: the finding that comes first, what follows it, the words
// its cause and fix must and must not contain, and the forecast sentence.
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { buildFleet } from "../../scripts/simulator/fleet";
import { simulate } from "../../scripts/simulator/engine";
import type { Fleet } from "../../scripts/simulator/types";
import { pushFleet } from "../../scripts/simulate-push";
import { failureCodesTruth, INTENDED_MAK, simulatedTruth, type Expect } from "../support/truthTable";
import { parseTruth } from "../support/parseTruth";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SHARED_FIXTURES } from "../support/fixtures";
import { clientDlv, eventsArtifact, host12290, hostDlv, hoursAgo, newCmid, request12288, response12289 } from "../support/truthPayloads";
import { callApi, enrollMachine, envelope, getJson, post, signIn, sql } from "./helpers";

type Finding = { ruleId: string; severity: string; cause: string; fix: string; evidence: Record<string, unknown> };
type Outlook = { state: string; text: string };

let cookie = "";
const readFixture = (...parts: string[]) => readFileSync(path.join(SHARED_FIXTURES, ...parts), "utf8");
let fleet: Fleet;
const get = <T>(route: string) => getJson<T>(route, { cookie });

async function idOf(fqdn: string): Promise<string> {
  const [row] = await sql<{ id: string }>("SELECT id FROM machine WHERE fqdn = $1", [fqdn.toLowerCase()]);
  if (!row) throw new Error(`no machine ${fqdn}`);
  return row.id;
}

async function findingsOf(kind: "host" | "client", fqdn: string): Promise<Finding[]> {
  const { status, body } = await get<{ findings: Finding[] }>(`/api/dashboard/${kind}s/${await idOf(fqdn)}`);
  expect(status, fqdn).toBe(200);
  return body.findings;
}

/** One row of the table against the findings a page shows, in the page's order. */
function assertRow(where: string, findings: Finding[], e: Expect) {
  const ids = findings.map((f) => f.ruleId);
  for (const rule of e.never ?? []) expect(ids, `${where}: must not show ${rule}`).not.toContain(rule);
  if (e.first === null) {
    expect(
      findings.filter((f) => f.severity !== "info").map((f) => f.ruleId),
      `${where}: no critical or warning finding`,
    ).toEqual([]);
    return;
  }
  expect(ids[0], `${where}: first finding (all: ${ids.join(", ")})`).toBe(e.first);
  for (const rule of e.after ?? []) expect(ids.indexOf(rule), `${where}: ${rule} after ${e.first}`).toBeGreaterThan(0);
  const first = findings[0] as Finding;
  if (e.hresult) expect(JSON.stringify(first.evidence), `${where}: evidence names ${e.hresult}`).toContain(e.hresult);
  for (const w of e.causeHas ?? []) expect(first.cause, `${where}: cause`).toContain(w);
  for (const w of e.fixHas ?? []) expect(first.fix, `${where}: fix`).toContain(w);
  for (const w of e.lacks ?? []) expect(`${first.cause} ${first.fix}`, `${where}: must not say "${w}"`).not.toContain(w);
}

/** The simulated estate under its own domain, so it never mixes with other test files' simulated machines. */
function ownDomain(f: Fleet): Fleet {
  return JSON.parse(JSON.stringify(f).replace(/contoso\.com/gi, "truth-contoso.com")) as Fleet;
}

beforeAll(async () => {
  fleet = ownDomain(
    buildFleet({
      hosts: 2,
      clients: 130,
      // 32 days: the count window (30) plus the renewal slack; every situation is settled by then.
      days: 32,
      seed: 14,
      end: Date.now(),
      scenarios: [
        "healthy",
        "duplicate-cmid",
        "rogue-host",
        "low-count",
        "firewall",
        "dns-publish-failure",
        "mak-clients",
        "host-unlicensed",
      ],
    }),
  );
  const summary = await pushFleet({
    server: inject("baseUrl"),
    enrollSecret: inject("enrollSecret"),
    simulation: simulate(fleet),
    concurrency: 6,
  });
  expect(summary.rejected).toBe(0);
  cookie = await signIn();
  const intent = await callApi("POST", "/api/dashboard/settings/intended-channels", cookie, INTENDED_MAK);
  expect([200, 201]).toContain(intent.status);
  for (const host of fleet.approvedHosts) {
    const response = await fetch(`${inject("baseUrl")}/api/dashboard/audit/approved`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ host }),
    });
    expect([201, 409]).toContain(response.status);
  }
}, 240_000);

describe("truth table: simulated situations", () => {
  it.each(simulatedTruth.map((row) => [row.situation, row] as const))("%s", async (_name, row) => {
    const machines = row.machines(fleet);
    expect(machines.length, `${row.situation}: machines picked`).toBeGreaterThan(0);
    for (const fqdn of machines) {
      assertRow(`${row.situation} / ${fqdn}`, await findingsOf(row.kind, fqdn), row.expect);
      if (row.expect.outlook) {
        const { body } = await get<{ outlook: Outlook }>(`/api/dashboard/hosts/${await idOf(fqdn)}/trend?range=30d`);
        expect(body.outlook.state, `${fqdn}: forecast (${body.outlook.text})`).toBe(row.expect.outlook.state);
        for (const w of row.expect.outlook.has ?? []) expect(body.outlook.text).toContain(w);
        for (const w of row.expect.outlook.lacks ?? []) expect(body.outlook.text).not.toContain(w);
      }
    }
  });

  it("names the failure codes actually seen when failed requests rise, never an unseen 0xC004F042", async () => {
    for (const row of failureCodesTruth) {
      const host = fleet.hosts.find((h) => row.host.test(h.hostname));
      const rising = (await findingsOf("host", host!.fqdn)).find((f) => f.ruleId === "host-failed-requests-rising");
      if (!rising) continue; // the counters may not have moved enough in the last 7 days; the rule is then silent
      expect(rising.cause).toContain(row.names);
      expect(`${rising.cause} ${rising.fix}`).not.toContain(row.never);
    }
  });

  it("a host's clients: the audit's 'served (30 days)' is the host page's number; 'reporting' says something else", async () => {
    type AuditHost = { host: string; clients: number; servedLast30d: number | null };
    const { body } = await get<{ hosts: AuditHost[] }>("/api/dashboard/audit");
    const main = fleet.hosts.filter((h) => /^KMS\d\d$/.test(h.hostname));
    expect(main.length).toBeGreaterThan(0);
    for (const h of main) {
      const id = await idOf(h.fqdn);
      const page = await get<{ total: number }>(`/api/dashboard/hosts/${id}/clients?limit=1`);
      const detail = await get<{ facts: { distinctClients30d: number } }>(`/api/dashboard/hosts/${id}`);
      const audit = body.hosts.find((a) => a.host === h.fqdn.toLowerCase());
      expect(page.body.total, h.fqdn).toBeGreaterThan(0);
      expect({ audit: audit?.servedLast30d, facts: detail.body.facts.distinctClients30d }).toEqual({
        audit: page.body.total,
        facts: page.body.total,
      });
    }
    // The rogue host has no agent: its own log is unknown, only the clients reporting it are.
    const rogue = body.hosts.find((a) => a.host.startsWith("kms-rogue."));
    expect(rogue?.servedLast30d).toBeNull();
  });

  it("the rogue host shows up in the host audit as not approved, with its clients", async () => {
    const { body } = await get<{ hosts: { host: string; approved: boolean; clients: number }[] }>("/api/dashboard/audit");
    const rogue = body.hosts.find((h) => h.host.startsWith("kms-rogue.lab.truth-contoso.com"));
    expect(rogue).toMatchObject({ approved: false });
    expect(rogue!.clients).toBeGreaterThan(0);
  });
});

/** Enrolls a machine and posts its artifacts, dated `collectedAt` (now by default). */
async function report(prefix: string, artifacts: unknown[], collectedAt?: string) {
  const m = await enrollMachine(prefix);
  const answer = await post("/api/v1/ingest", envelope(artifacts, collectedAt), m.token);
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  return m;
}

describe("truth table: hand-made situations", () => {
  const kmsHost = "kms01.corp.contoso.com";

  it("host key does not cover the client OS (0xC004F042): fix the host key, not the count", async () => {
    const cmid = newCmid();
    const m = await enrollMachine("TT-F042");
    const at = hoursAgo(1);
    await post(
      "/api/v1/ingest",
      envelope([
        { type: "dlv", text: clientDlv({ cmid, kmsHost, status: "grace", graceMin: 20_000 }) },
        eventsArtifact("Application", [
          request12288(m.fqdn, at, { kmsHost, cmid }),
          response12289(m.fqdn, new Date(at.getTime() + 500), { hresult: "0xC004F042", activated: false, count: 50 }),
        ]),
      ]),
      m.token,
    );
    assertRow("0xC004F042", await findingsOf("client", m.fqdn), {
      first: "client-host-key-unsupported",
      hresult: "0xC004F042",
      never: ["client-refused-low-count", "client-host-not-activated"],
      fixHas: ["CSVLK", "slmgr.vbs /ipk"],
      lacks: ["Raise the count"],
    });
  });

  it("client with a non-GVLK key set up for KMS: install the GVLK", async () => {
    const m = await report("TT-RETAIL", [{ type: "dlv", text: clientDlv({ cmid: newCmid(), kmsHost, keyChannel: "retail" }) }]);
    const findings = await findingsOf("client", m.fqdn);
    assertRow("non-GVLK", findings, { first: "client-not-gvlk", fixHas: ["slmgr.vbs /ipk <GVLK>"] });
    expect(findings[0]?.severity).toBe("warning");
  });

  it("grace running out: critical with days left; notification state: activate", async () => {
    const grace = await report("TT-GRACE", [
      { type: "dlv", text: clientDlv({ cmid: newCmid(), kmsHost, status: "grace", graceMin: 2000 }) },
    ]);
    const g = await findingsOf("client", grace.fqdn);
    assertRow("grace", g, { first: "client-in-grace", fixHas: ["slmgr.vbs /ato"] });
    expect(g[0]?.severity).toBe("critical");
    const note = await report("TT-NOTIF", [{ type: "dlv", text: clientDlv({ cmid: newCmid(), kmsHost, status: "notification" }) }]);
    assertRow("notification", await findingsOf("client", note.fqdn), { first: "client-notification", fixHas: ["slmgr.vbs /ato"] });
  });

  it("expired renewal: no renewal for 10 days while checking in, activation running out", async () => {
    const cmid = newCmid();
    const m = await enrollMachine("TT-RENEW");
    const at = hoursAgo(240);
    await post(
      "/api/v1/ingest",
      envelope([
        { type: "dlv", text: clientDlv({ cmid, kmsHost, expiryMin: 3 * 1440 }) },
        eventsArtifact("Application", [
          request12288(m.fqdn, at, { kmsHost, cmid }),
          response12289(m.fqdn, new Date(at.getTime() + 500), { activated: true, count: 50 }),
        ]),
      ]),
      m.token,
    );
    assertRow("renewal", await findingsOf("client", m.fqdn), {
      first: "client-expiring-soon",
      after: ["client-renewal-overdue"],
      fixHas: ["slmgr.vbs /ato"],
    });
  });

  it("DNS SRV missing: the probe found no _vlmcs._tcp record and the request went unanswered", async () => {
    const cmid = newCmid();
    const m = await enrollMachine("TT-NOSRV");
    const at = hoursAgo(2);
    await post(
      "/api/v1/ingest",
      envelope([
        {
          type: "dlv",
          text: clientDlv({ cmid, kmsHost, status: "grace", graceMin: 30_000 }).replace(/Registered KMS machine name: .*\n/, ""),
        },
        eventsArtifact("Application", [request12288(m.fqdn, at, { kmsHost: "", cmid, hresult: "0x8007232B" })]),
        {
          type: "probe",
          checkedAt: hoursAgo(1).toISOString(),
          domain: "corp.contoso.com",
          srvRecords: [],
          srvError: "ENOTFOUND",
          target: null,
          tcp: null,
        },
      ]),
      m.token,
    );
    assertRow("no SRV", await findingsOf("client", m.fqdn), {
      first: "client-host-unreachable",
      causeHas: ["no _vlmcs._tcp SRV record"],
      fixHas: ["slmgr.vbs /sdns", "slmgr.vbs /skms"],
      lacks: ["Raise the count"],
    });
  });

  it("a host that stopped answering: checks in, but no request for 10 days", async () => {
    const m = await enrollMachine("TT-IDLE");
    const at = hoursAgo(240);
    await post(
      "/api/v1/ingest",
      envelope([
        { type: "dlv", text: hostDlv() },
        eventsArtifact("Key Management Service", [host12290(m.fqdn, at, { client: "ws-x.corp.contoso.com", cmid: newCmid() })]),
      ]),
      m.token,
    );
    const findings = await findingsOf("host", m.fqdn);
    expect(findings.map((f) => f.ruleId)).toContain("host-idle");
    const idle = findings.find((f) => f.ruleId === "host-idle")!;
    expect(idle.fix).toContain("nslookup -type=srv");
  });
});

describe("truth table: more hand-made situations", () => {
  it("DNS publishing failing: the host names the domain and the SRV record's rights", async () => {
    const m = await enrollMachine("TT-DNSPUB");
    const at = hoursAgo(3);
    const failure = readFixture("events", "host-12293-dns-publish-failure.xml")
      .replace(/SystemTime='[^']+'/, `SystemTime='${at.toISOString()}'`)
      .replace(/<Computer>[^<]+<\/Computer>/, `<Computer>${m.fqdn}</Computer>`);
    await post(
      "/api/v1/ingest",
      envelope([
        { type: "dlv", text: hostDlv() },
        eventsArtifact("Key Management Service", [host12290(m.fqdn, hoursAgo(1), { client: "ws-y.corp.contoso.com", cmid: newCmid() })]),
        { type: "events", log: "Application", xml: failure },
      ]),
      m.token,
    );
    assertRow("DNS publishing", await findingsOf("host", m.fqdn), {
      first: "host-dns-publish-failed",
      causeHas: ["12293", "0x80072338"],
      fixHas: ["Full Control", "_VLMCS"],
      lacks: ["Raise the count"],
    });
  });

  it("a host that stopped answering: its clients' 12288 get no 12289, and it logs no request", async () => {
    const host = await enrollMachine("TT-MUTE");
    await post(
      "/api/v1/ingest",
      envelope([
        { type: "dlv", text: hostDlv() },
        eventsArtifact("Key Management Service", [
          host12290(host.fqdn, hoursAgo(240), { client: "ws-z.corp.contoso.com", cmid: newCmid() }),
        ]),
      ]),
      host.token,
    );
    // It is one of ours (approved), so its clients' trouble is reaching it, not a rogue host.
    expect((await callApi("POST", "/api/dashboard/audit/approved", cookie, { host: host.fqdn })).status).toBe(201);
    const client = await enrollMachine("TT-MUTEC");
    const cmid = newCmid();
    await post(
      "/api/v1/ingest",
      envelope([
        { type: "dlv", text: clientDlv({ cmid, kmsHost: host.fqdn }) },
        eventsArtifact("Application", [request12288(client.fqdn, hoursAgo(2), { kmsHost: host.fqdn, cmid, hresult: "0x800706BA" })]),
      ]),
      client.token,
    );
    assertRow("mute host", await findingsOf("host", host.fqdn), {
      first: "host-clients-cannot-reach",
      after: ["host-idle"],
      causeHas: ["1 client could not reach this host"],
      fixHas: ["1688"],
    });
    assertRow("its client", await findingsOf("client", client.fqdn), {
      first: "client-host-unreachable",
      hresult: "0x800706BA",
      causeHas: [host.fqdn],
      lacks: ["Raise the count"],
    });
  });
});

describe("truth table: /parse (one machine's paste, every language)", () => {
  it.each(parseTruth.map((row) => [row.situation, row] as const))("%s", async (_name, row) => {
    const answer = await callApi<{ findings: Finding[]; readByShape: string[] }>("POST", "/api/v1/parse", cookie, row.request());
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    for (const field of row.expect.readByShape ?? []) expect(answer.body.readByShape.join(" ")).toContain(field);
    assertRow(row.situation, answer.body.findings, row.expect);
  });
});

describe("clock policy: a machine's own clock is evidence, not truth", () => {
  const kmsHost = "kms01.corp.contoso.com";

  it("a check-in dated 5 h ahead is stored at receipt time with a clock-skew finding; 5 min ahead is stored as is", async () => {
    const ahead = await report(
      "TT-SKEW",
      [{ type: "dlv", text: clientDlv({ cmid: newCmid(), kmsHost }) }],
      new Date(Date.now() + 5 * 3_600_000).toISOString(),
    );
    const [stored] = await sql<{ collected_at: Date }>(
      "SELECT s.collected_at FROM snapshot s JOIN machine m ON m.id = s.machine_id WHERE m.fqdn = $1",
      [ahead.fqdn],
    );
    expect(Math.abs(stored!.collected_at.getTime() - Date.now())).toBeLessThan(5 * 60_000);
    assertRow("skew", await findingsOf("client", ahead.fqdn), {
      first: "client-clock-skew",
      causeHas: ["5 hours ahead", "0xC004F06C"],
      fixHas: ["w32tm /resync"],
    });

    const near = new Date(Date.now() + 5 * 60_000).toISOString();
    const fine = await report("TT-NOSKEW", [{ type: "dlv", text: clientDlv({ cmid: newCmid(), kmsHost }) }], near);
    const [kept] = await sql<{ collected_at: Date }>(
      "SELECT s.collected_at FROM snapshot s JOIN machine m ON m.id = s.machine_id WHERE m.fqdn = $1",
      [fine.fqdn],
    );
    expect(kept!.collected_at.toISOString()).toBe(near);
    expect((await findingsOf("client", fine.fqdn)).map((f) => f.ruleId)).not.toContain("client-clock-skew");
  });

  it("a 9999-12-31 check-in does not freeze the state: the next real check-in is the current one", async () => {
    const cmid = newCmid();
    const m = await enrollMachine("TT-9999");
    await post("/api/v1/ingest", envelope([{ type: "dlv", text: clientDlv({ cmid, kmsHost }) }], "9999-12-31T00:00:00.000Z"), m.token);
    await new Promise((r) => setTimeout(r, 20));
    await post("/api/v1/ingest", envelope([{ type: "dlv", text: clientDlv({ cmid, kmsHost, status: "notification" }) }]), m.token);
    const { body } = await get<{ products: { licenseStatus: string }[] }>(`/api/dashboard/clients/${await idOf(m.fqdn)}`);
    expect(body.products[0]?.licenseStatus).toBe("Notification");
  });

  it("events from the future or before 2006 are kept aside, never the latest", async () => {
    const cmid = newCmid();
    const m = await enrollMachine("TT-FUTURE");
    const future = new Date("9999-06-01T00:00:00Z");
    const ancient = new Date("2001-06-01T00:00:00Z");
    const real = hoursAgo(1);
    await post(
      "/api/v1/ingest",
      envelope([
        { type: "dlv", text: clientDlv({ cmid, kmsHost }) },
        eventsArtifact("Application", [
          request12288(m.fqdn, real, { kmsHost, cmid }),
          response12289(m.fqdn, new Date(real.getTime() + 500), { activated: true, count: 50 }),
          request12288(m.fqdn, future, { kmsHost, cmid, hresult: "0x800706BA" }),
          request12288(m.fqdn, ancient, { kmsHost, cmid, hresult: "0x800706BA" }),
        ]),
      ]),
      m.token,
    );
    const events = await sql<{ t: Date }>(
      "SELECT e.time_created AS t FROM activation_event e JOIN machine m ON m.id = e.machine_id WHERE m.fqdn = $1 ORDER BY 1",
      [m.fqdn],
    );
    expect(events.map((e) => e.t.getFullYear())).toEqual([real.getFullYear(), real.getFullYear()]);
    const quarantined = await sql<{ error: string }>(
      "SELECT q.error FROM quarantined_artifact q JOIN machine m ON m.id = q.machine_id WHERE m.fqdn = $1",
      [m.fqdn],
    );
    expect(quarantined.map((q) => q.error).join(" ")).toMatch(/ahead of the server/);
    expect(quarantined.map((q) => q.error).join(" ")).toMatch(/before 2006/);
    const findings = await findingsOf("client", m.fqdn);
    expect(findings.map((f) => f.ruleId)).not.toContain("client-host-unreachable");
    expect(findings[0]?.ruleId).toBe("client-clock-skew");
  });
});
