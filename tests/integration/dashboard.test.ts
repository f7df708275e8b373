// The dashboard API over a simulated fleet pushed through the real agent API: each scenario
// must show up where an ops team would look for it.
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { ROGUE_HOST_DNS } from "../../scripts/simulator/scenarios";
import { callApi, expectTrendMatchesModel, getJson, licenseCountMismatches, pushSimulatedFleet, signIn, sql, sqlOne } from "./helpers";
import { DIAGNOSIS_SCENARIOS } from "../support/scenarios";

type Finding = { ruleId: string; severity: string; subject: { kind: string; machineId: string; fqdn: string } };

let cookie = "";
const get = <T>(route: string) => getJson<T>(route, { cookie });

beforeAll(async () => {
  const simulation = await pushSimulatedFleet({ hosts: 2, clients: 120, days: 40, seed: 7, scenarios: DIAGNOSIS_SCENARIOS });
  cookie = await signIn();
  for (const host of simulation.fleet.approvedHosts) {
    const response = await fetch(`${inject("baseUrl")}/api/dashboard/audit/approved`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ host }),
    });
    expect(response.status).toBe(201);
  }
}, 300_000);

describe("dashboard API on a simulated fleet", () => {
  it("overview counts hosts, clients, license states and alerts", async () => {
    const { status, body } = await get<{
      hosts: number;
      clients: number;
      licenseStates: Record<string, number>;
      alertsBySeverity: { critical: number };
      hostTrends: { points: unknown[] }[];
    }>("/api/dashboard/overview");
    expect(status).toBe(200);
    expect(body.hosts).toBeGreaterThanOrEqual(2);
    expect(body.clients).toBeGreaterThan(50);
    expect(body.licenseStates.Licensed).toBeGreaterThan(10);
    expect(body.alertsBySeverity.critical).toBeGreaterThan(0);
    // 30 days of daily buckets (31 with today), every host, gaps explicit.
    for (const trend of body.hostTrends) expect(trend.points.length).toBeGreaterThanOrEqual(30);
  });

  it("finds the cloned image's duplicate CMIDs", async () => {
    const { body } = await get<{ groups: { machineCount: number; countLost: number }[]; fix: string }>("/api/dashboard/duplicate-cmids");
    const big = body.groups.filter((g) => g.machineCount >= 10);
    expect(big.length).toBeGreaterThanOrEqual(1);
    expect(big[0]!.countLost).toBe(big[0]!.machineCount - 1);
    expect(body.fix).toContain("sysprep /generalize");
  });

  it("flags the rogue KMS host as not approved, with the clients using it", async () => {
    const { body } = await get<{ hosts: { host: string; approved: boolean; clients: number }[] }>("/api/dashboard/audit");
    const rogue = body.hosts.find((h) => h.host === ROGUE_HOST_DNS);
    expect(rogue).toMatchObject({ approved: false });
    expect(rogue!.clients).toBeGreaterThan(0);
    expect(body.hosts.some((h) => h.approved)).toBe(true);
  });

  it("raises the scenario's alerts", async () => {
    const { body } = await get<{ alerts: Finding[] }>("/api/dashboard/alerts?limit=5000");
    const rules = new Set(body.alerts.map((a) => a.ruleId));
    for (const rule of [
      "host-count-below-threshold",
      "host-dns-publish-failed",
      "host-not-licensed",
      "client-host-unreachable",
      "client-not-gvlk",
      "client-unapproved-host",
    ]) {
      expect(rules, rule).toContain(rule);
    }
  });

  it("filters, counts and pages the alerts in Postgres, in the page's order", async () => {
    type Alerts = {
      alerts: (Finding & { id: string })[];
      total: number;
      inState: number;
      severityCounts: Record<string, number>;
      rules: { ruleId: string; hosts: number; clients: number }[];
    };
    const { body: all } = await get<Alerts>("/api/dashboard/alerts?limit=5000");
    expect(all.alerts.length).toBeGreaterThan(3);
    expect([all.total, all.inState]).toEqual([all.alerts.length, all.alerts.length]);
    const rank = (a: Finding) => ["critical", "warning", "info"].indexOf(a.severity) * 2 + (a.subject.kind === "host" ? 0 : 1);
    expect(all.alerts.map(rank)).toEqual(all.alerts.map(rank).sort((a, b) => a - b));
    for (const s of ["critical", "warning", "info"]) expect(all.severityCounts[s]).toBe(all.alerts.filter((a) => a.severity === s).length);
    // A page is the head of the full order, counted in full.
    const page = (await get<Alerts>("/api/dashboard/alerts?limit=3")).body;
    expect(page.alerts.map((a) => a.id)).toEqual(all.alerts.slice(0, 3).map((a) => a.id));
    expect(page.total).toBe(all.total);
    // Severity counts cover the chosen kind; the rules and the total, the chosen severity too.
    const clients = all.alerts.filter((a) => a.subject.kind === "client");
    const { body: critical } = await get<Alerts>("/api/dashboard/alerts?severity=critical&kind=client&limit=5000");
    expect(critical.alerts.map((a) => a.id)).toEqual(clients.filter((a) => a.severity === "critical").map((a) => a.id));
    expect(critical.severityCounts.warning).toBe(clients.filter((a) => a.severity === "warning").length);
    expect(critical.rules.reduce((n, r) => n + r.hosts + r.clients, 0)).toBe(critical.total);
    const rule = all.alerts.at(-1)!.ruleId;
    const { body: ofRule } = await get<Alerts>(`/api/dashboard/alerts?rule=${rule}&limit=5000`);
    expect(ofRule.alerts.map((a) => a.id)).toEqual(all.alerts.filter((a) => a.ruleId === rule).map((a) => a.id));
    expect(await get("/api/dashboard/alerts?severity=urgent")).toMatchObject({ status: 400, body: { error: { path: "severity" } } });
    // The overview's counts are the same, and its examples the head of each rule's alerts.
    const { body: overview } = await get<{ alertsBySeverity: Record<string, number>; newestAlerts: { id: string; ruleId: string }[] }>(
      "/api/dashboard/overview",
    );
    expect(overview.alertsBySeverity).toEqual(all.severityCounts);
    const heads = [...new Set(all.alerts.map((a) => a.ruleId))].map((r) => all.alerts.find((a) => a.ruleId === r)!.id);
    expect(overview.newestAlerts.map((a) => a.id)).toEqual(heads.slice(0, 10));
  });

  it("a re-evaluation keeps the findings and moves every open alert's last-seen", async () => {
    // Settle first: the approvals of beforeAll re-evaluate their clients after answering.
    expect((await callApi("POST", "/api/dashboard/alerts/evaluate", cookie)).status).toBe(200);
    type Row = { id: string; last_seen_at: Date; finding: { ruleId: string; severity: string; title: string; subject: unknown } };
    const open = () => sql<Row>(`SELECT id, last_seen_at, last_finding AS finding FROM alert WHERE state <> 'resolved' ORDER BY id`);
    const before = await open();
    expect((await callApi("POST", "/api/dashboard/alerts/evaluate", cookie)).status).toBe(200);
    const after = await open();
    // Evidence counted in minutes may tick between the two passes; what the alert is about may not.
    const about = (rows: Row[]) => rows.map((r) => [r.id, r.finding.ruleId, r.finding.severity, r.finding.title, r.finding.subject]);
    expect(about(after)).toEqual(about(before));
    expect(after.every((a, i) => a.last_seen_at > before[i]!.last_seen_at)).toBe(true);
  });

  it("host facts count each host's distinct clients and CMIDs of the last 30 days as a plain count does", async () => {
    const expected = await sql<{ id: string; clients: number; cmids: number }>(
      `SELECT m.id, count(DISTINCT e.client_fqdn)::int AS clients, count(DISTINCT e.cmid)::int AS cmids FROM machine m
         JOIN activation_event e ON e.machine_id = m.id AND e.event_id = 12290 AND e.time_created > now() - interval '30 days'
        WHERE m.role = 'kms_host' GROUP BY m.id`,
    );
    expect(expected.length).toBeGreaterThan(0);
    for (const host of expected) {
      const { body } = await get<{ facts: { distinctClients30d: number; distinctCmids30d: number } }>(`/api/dashboard/hosts/${host.id}`);
      expect([body.facts.distinctClients30d, body.facts.distinctCmids30d]).toEqual([host.clients, host.cmids]);
    }
  });

  it("serves a host's trend with explicit gaps, reconstruction and forecast", async () => {
    const { body: list } = await get<{ hosts: { id: string; currentCount: number | null }[] }>("/api/dashboard/hosts");
    const host = list.hosts.find((h) => (h.currentCount ?? 0) >= 25)!;
    const { status, body } = await get<{ reported: { count: number | null }[]; reconstructed: { count: number }[]; forecast: unknown[] }>(
      `/api/dashboard/hosts/${host.id}/trend?range=30d`,
    );
    expect(status).toBe(200);
    expect(body.reported.length).toBeGreaterThanOrEqual(30);
    expect(body.reconstructed).toHaveLength(body.reported.length);
    expect(body.reconstructed.at(-1)!.count).toBeGreaterThan(0);
    expect(body.forecast.length).toBeGreaterThan(25);
    const clients = await get<{ total: number; clients: unknown[]; groups: { clients: number }[] }>(
      `/api/dashboard/hosts/${host.id}/clients`,
    );
    expect(clients.body.clients.length).toBeGreaterThan(0);
    // The summary covers every client; the list only the rows asked for.
    const first = await get<{ total: number; clients: unknown[]; groups: { clients: number }[] }>(
      `/api/dashboard/hosts/${host.id}/clients?limit=1`,
    );
    expect(first.body.clients).toHaveLength(1);
    expect(first.body.total).toBe(clients.body.total);
    expect(first.body.groups.reduce((n, g) => n + g.clients, 0)).toBe(clients.body.total);
    expect(await get(`/api/dashboard/hosts/${host.id}/clients?limit=0`)).toMatchObject({ status: 400, body: { error: { path: "limit" } } });
    const bad = await get(`/api/dashboard/hosts/${host.id}/trend?range=1y`);
    expect(bad).toMatchObject({ status: 400, body: { error: { path: "range" } } });
  });

  it("searches clients and shows one client's diagnosis and raw /dlv", async () => {
    const { body } = await get<{ total: number; rows: { id: string; fqdn: string; channel: string }[] }>(
      "/api/dashboard/clients?channel=VOLUME_MAK",
    );
    expect(body.total).toBeGreaterThan(0);
    expect(body.rows.every((r) => r.channel === "VOLUME_MAK")).toBe(true);
    const { body: detail } = await get<{ findings: Finding[]; snapshotHistory: { rawArtifactId: string; source: string }[] }>(
      `/api/dashboard/clients/${body.rows[0]!.id}`,
    );
    expect(detail.findings.map((f) => f.ruleId)).toContain("client-not-gvlk");
    const dlv = detail.snapshotHistory.find((s) => s.source === "dlv")!;
    const raw = await get<{ body: string }>(`/api/dashboard/raw/${dlv.rawArtifactId}`);
    expect(raw.body.body).toContain("VOLUME_MAK");
    expect((await get("/api/dashboard/clients/not-a-uuid")).status).toBe(404);
  });
});

describe("a host's count trend", () => {
  it("equals the count model over every request, whether the latest requests decide it or not", async () => {
    const { body: list } = await get<{ hosts: { id: string }[] }>("/api/dashboard/hosts");
    for (const host of list.hosts) {
      for (const range of ["7d", "30d"]) await expectTrendMatchesModel(host.id, range, cookie);
    }
  });
});

describe("summaries kept by ingest", () => {
  it("hold the same current state, duplicates and host clients as the full tables", async () => {
    // machine_windows_state vs the latest Windows snapshot read from every snapshot.
    const stateMismatches = await sql<{ fqdn: string }>(
      `SELECT m.fqdn FROM machine m
         JOIN LATERAL (SELECT s.* FROM snapshot s JOIN snapshot_seen seen ON seen.snapshot_id = s.id
                        WHERE s.machine_id = m.id AND (s.application_id = '55c92734-d682-4d71-983e-d6ec3f16059f' OR s.application_id IS NULL)
                        ORDER BY seen.last_seen_at DESC, (s.source = 'cim') DESC, s.collected_at DESC LIMIT 1) l ON true
         LEFT JOIN machine_windows_state ws ON ws.machine_id = m.id
        WHERE ws.license_status IS DISTINCT FROM l.license_status OR ws.cmid IS DISTINCT FROM l.cmid
           OR ws.kms_host IS DISTINCT FROM l.kms_host OR ws.channel IS DISTINCT FROM l.channel
           OR ws.product_key_channel IS DISTINCT FROM l.product_key_channel OR ws.kms_port IS DISTINCT FROM l.kms_port
           OR ws.grace_remaining_min IS DISTINCT FROM l.grace_remaining_min OR ws.expires_at IS DISTINCT FROM l.expires_at
           OR ws.notification_reason IS DISTINCT FROM l.notification_reason`,
    );
    expect(stateMismatches).toEqual([]);
    const states = await sqlOne<{ n: number }>("SELECT count(*)::int AS n FROM machine_windows_state");
    expect(states.n).toBeGreaterThan(100);
    const duplicates = await sql<{ cmid: string }>(
      `(SELECT cmid FROM cmid_sighting GROUP BY cmid HAVING count(DISTINCT machine) > 1 EXCEPT SELECT cmid FROM duplicate_cmid)
       UNION ALL (SELECT cmid FROM duplicate_cmid EXCEPT SELECT cmid FROM cmid_sighting GROUP BY cmid HAVING count(DISTINCT machine) > 1)`,
    );
    expect(duplicates).toEqual([]);
    // machine_activation_facts vs its live view, both ways: every machine with a request, response or probe.
    const factsMismatches = await sql<{ machine_id: string }>(
      `(SELECT * FROM machine_activation_facts_live v
         WHERE v.request_at IS NOT NULL OR v.response_at IS NOT NULL OR v.probe_at IS NOT NULL
        EXCEPT SELECT * FROM machine_activation_facts)
       UNION ALL (SELECT * FROM machine_activation_facts EXCEPT SELECT * FROM machine_activation_facts_live)`,
    );
    expect(factsMismatches).toEqual([]);
    const facts = await sqlOne<{ n: number }>("SELECT count(*)::int AS n FROM machine_activation_facts WHERE request_at IS NOT NULL");
    expect(facts.n).toBeGreaterThan(50);
    const hostClients = await sql<{ host: string }>(
      `(SELECT DISTINCT host, client FROM kms_host_sighting EXCEPT SELECT host, client FROM kms_host_client)
       UNION ALL (SELECT host, client FROM kms_host_client EXCEPT SELECT DISTINCT host, client FROM kms_host_sighting)`,
    );
    expect(hostClients).toEqual([]);
    const counts = await sql<{ host: string }>(
      `SELECT c.host FROM (SELECT host, count(*)::int AS n FROM kms_host_client GROUP BY host) c
         FULL JOIN kms_host_client_count k ON k.host = c.host
        WHERE c.n IS DISTINCT FROM k.clients`,
    );
    expect(counts).toEqual([]);
    expect(await licenseCountMismatches()).toEqual([]);
  });
});

describe("approving a KMS host", () => {
  it("resolves the rogue-host alerts of its clients, and removing it brings them back", async () => {
    const open = async () => (await get<{ total: number }>("/api/dashboard/alerts?rule=client-unapproved-host")).body.total;
    expect(await open()).toBeGreaterThan(0);
    const approve = await fetch(`${inject("baseUrl")}/api/dashboard/audit/approved`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ host: ROGUE_HOST_DNS, note: "lab host, approved for the test" }),
    });
    expect(approve.status).toBe(201);
    expect(await open()).toBe(0);
    const remove = await fetch(`${inject("baseUrl")}/api/dashboard/audit/approved?host=${ROGUE_HOST_DNS}`, {
      method: "DELETE",
      headers: { cookie },
    });
    expect(remove.status).toBe(200);
    expect(await open()).toBeGreaterThan(0);
  });
});
