// The truth table's hand-made situations (tests/support/truthPayloads.ts: real /dlv text and event XML with this
// machine's values, for what the simulator has no case of), the /parse rows (tests/support/parseTruth.ts) and the
// clock policy, each driven through the real API and read back as the host and client pages read it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SHARED_FIXTURES } from "../support/fixtures";
import { parseTruth } from "../support/parseTruth";
import { assertRow, findingsOf as findingsFor, idOf, report, type Finding } from "../support/truthAssert";
import { clientDlv, eventsArtifact, host12290, hostDlv, hoursAgo, newCmid, request12288, response12289 } from "../support/truthPayloads";
import { callApi, enrollMachine, envelope, getJson, post, signIn, sql } from "./helpers";

let cookie = "";
const get = <T>(route: string) => getJson<T>(route, { cookie });
const findingsOf = (kind: "host" | "client", fqdn: string) => findingsFor(cookie, kind, fqdn);
const readFixture = (...parts: string[]) => readFileSync(path.join(SHARED_FIXTURES, ...parts), "utf8");

beforeAll(async () => {
  cookie = await signIn();
});

describe("truth table: hand-made situations", () => {
  const kmsHost = "kms01.corp.contoso.com";

  it("host key does not cover the client OS (0xC004F042): fix the host key, not the count", async () => {
    const cmid = newCmid();
    const at = hoursAgo(1);
    const m = await report("TT-F042", ({ fqdn }) => [
      { type: "dlv", text: clientDlv({ cmid, kmsHost, status: "grace", graceMin: 20_000 }) },
      eventsArtifact("Application", [
        request12288(fqdn, at, { kmsHost, cmid }),
        response12289(fqdn, new Date(at.getTime() + 500), { hresult: "0xC004F042", activated: false, count: 50 }),
      ]),
    ]);
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
    const at = hoursAgo(240);
    const m = await report("TT-RENEW", ({ fqdn }) => [
      { type: "dlv", text: clientDlv({ cmid, kmsHost, expiryMin: 3 * 1440 }) },
      eventsArtifact("Application", [
        request12288(fqdn, at, { kmsHost, cmid }),
        response12289(fqdn, new Date(at.getTime() + 500), { activated: true, count: 50 }),
      ]),
    ]);
    assertRow("renewal", await findingsOf("client", m.fqdn), {
      first: "client-expiring-soon",
      after: ["client-renewal-overdue"],
      fixHas: ["slmgr.vbs /ato"],
    });
  });

  it("DNS SRV missing: the probe found no _vlmcs._tcp record and the request went unanswered", async () => {
    const cmid = newCmid();
    const at = hoursAgo(2);
    const m = await report("TT-NOSRV", ({ fqdn }) => [
      {
        type: "dlv",
        text: clientDlv({ cmid, kmsHost, status: "grace", graceMin: 30_000 }).replace(/Registered KMS machine name: .*\n/, ""),
      },
      eventsArtifact("Application", [request12288(fqdn, at, { kmsHost: "", cmid, hresult: "0x8007232B" })]),
      {
        type: "probe",
        checkedAt: hoursAgo(1).toISOString(),
        domain: "corp.contoso.com",
        srvRecords: [],
        srvError: "ENOTFOUND",
        target: null,
        tcp: null,
      },
    ]);
    assertRow("no SRV", await findingsOf("client", m.fqdn), {
      first: "client-host-unreachable",
      causeHas: ["no _vlmcs._tcp SRV record"],
      fixHas: ["slmgr.vbs /sdns", "slmgr.vbs /skms"],
      lacks: ["Raise the count"],
    });
  });

  it("a host that stopped answering: checks in, but no request for 10 days", async () => {
    const at = hoursAgo(240);
    const m = await report("TT-IDLE", ({ fqdn }) => [
      { type: "dlv", text: hostDlv() },
      eventsArtifact("Key Management Service", [host12290(fqdn, at, { client: "ws-x.corp.contoso.com", cmid: newCmid() })]),
    ]);
    const findings = await findingsOf("host", m.fqdn);
    expect(findings.map((f) => f.ruleId)).toContain("host-idle");
    const idle = findings.find((f) => f.ruleId === "host-idle")!;
    expect(idle.fix).toContain("nslookup -type=srv");
  });
});

describe("truth table: more hand-made situations", () => {
  it("DNS publishing failing: the host names the domain and the SRV record's rights", async () => {
    const at = hoursAgo(3);
    const failure = (fqdn: string) =>
      readFixture("events", "host-12293-dns-publish-failure.xml")
        .replace(/SystemTime='[^']+'/, `SystemTime='${at.toISOString()}'`)
        .replace(/<Computer>[^<]+<\/Computer>/, `<Computer>${fqdn}</Computer>`);
    const m = await report("TT-DNSPUB", ({ fqdn }) => [
      { type: "dlv", text: hostDlv() },
      eventsArtifact("Key Management Service", [host12290(fqdn, hoursAgo(1), { client: "ws-y.corp.contoso.com", cmid: newCmid() })]),
      { type: "events", log: "Application", xml: failure(fqdn) },
    ]);
    assertRow("DNS publishing", await findingsOf("host", m.fqdn), {
      first: "host-dns-publish-failed",
      causeHas: ["12293", "0x80072338"],
      fixHas: ["Full Control", "_VLMCS"],
      lacks: ["Raise the count"],
    });
  });

  it("a host that stopped answering: its clients' 12288 get no 12289, and it logs no request", async () => {
    const host = await report("TT-MUTE", ({ fqdn }) => [
      { type: "dlv", text: hostDlv() },
      eventsArtifact("Key Management Service", [host12290(fqdn, hoursAgo(240), { client: "ws-z.corp.contoso.com", cmid: newCmid() })]),
    ]);
    // It is one of ours (approved), so its clients' trouble is reaching it, not a rogue host.
    expect((await callApi("POST", "/api/dashboard/audit/approved", cookie, { host: host.fqdn })).status).toBe(201);
    const cmid = newCmid();
    const client = await report("TT-MUTEC", ({ fqdn }) => [
      { type: "dlv", text: clientDlv({ cmid, kmsHost: host.fqdn }) },
      eventsArtifact("Application", [request12288(fqdn, hoursAgo(2), { kmsHost: host.fqdn, cmid, hresult: "0x800706BA" })]),
    ]);
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
