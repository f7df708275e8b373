// GET /metrics: bearer-token protected Prometheus text with the KMS counts, request counters,
// clients by license status, open findings and ingest totals.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { enrollMachine, envelope, fixture, getJson, post, signIn, sql, sqlOne } from "./helpers";

const MULTI = "host-kms01-keymanagementservice-log.multi.xml";
let hostFqdn = "";
let hostId = "";
let expectedCmids = 0;

async function scrape(authorization?: string) {
  const response = await fetch(`${inject("baseUrl")}/metrics`, { headers: authorization ? { authorization } : {} });
  return { response, text: await response.text() };
}

/** `name{labels} value` lines → value, keyed by the line's name and label text. */
function samples(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    map.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return map;
}

beforeAll(async () => {
  const host = await enrollMachine("KMSMETRICS");
  hostFqdn = host.fqdn;
  // The fixture's 12290 events moved to yesterday, so they fall in the 30-day reconstruction window.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const recent = (text: string) => text.replace(/SystemTime='\d{4}-\d{2}-\d{2}T/g, `SystemTime='${yesterday}T`);
  const xml = recent(fixture("events", MULTI));
  // The one definition of the count (lib/evaluate/facts/countableRequests.ts): requests refused for clock skew
  // (0xC004F06C) are not cached by the host, so they are not counted.
  const countable = [...xml.matchAll(/<Data>(0x[0-9A-Fa-f]+),\d+,[^,]+,([0-9a-fA-F-]{36}),/g)].filter(
    (m) => m[1]!.toUpperCase() !== "0XC004F06C",
  );
  expectedCmids = new Set(countable.map((m) => m[2]!.toLowerCase())).size;
  const answer = await post(
    "/api/v1/ingest",
    envelope([
      { type: "dlv", text: fixture("dlv", "kms-host-healthy.en-US.txt") },
      { type: "events", log: "Key Management Service", xml },
      { type: "events", log: "Application", xml: recent(fixture("events", "host-12293-dns-publish-failure.xml")) },
    ]),
    host.token,
  );
  expect(answer.status).toBe(200);
  ({ id: hostId } = await sqlOne<{ id: string }>("SELECT id FROM machine WHERE fqdn = $1", [hostFqdn]));
});

describe("GET /metrics", () => {
  it("needs the bearer token", async () => {
    const none = await scrape();
    expect(none.response.status).toBe(401);
    expect(JSON.parse(none.text).error.code).toBe("unauthorized");
    expect((await scrape("Bearer wrong-token-0123456789abcdef")).response.status).toBe(401);
    expect((await scrape(inject("metricsToken"))).response.status).toBe(401);
    // A dashboard session is not a metrics credential.
    const cookie = await signIn();
    expect((await fetch(`${inject("baseUrl")}/metrics`, { headers: { cookie } })).status).toBe(401);
  });

  it("exposes the host's counts and request counters", async () => {
    const { response, text } = await scrape(`Bearer ${inject("metricsToken")}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const values = samples(text);
    const label = `{host="${hostFqdn}"}`;
    expect(expectedCmids).toBeGreaterThan(3);
    expect(values.get(`kmswatch_kms_host_current_count${label}`)).toBe(50);
    expect(values.get(`kmswatch_kms_host_reconstructed_count${label}`)).toBe(expectedCmids);
    expect(values.get(`kmswatch_kms_host_requests_total${label}`)).toBe(18342);
    expect(values.get(`kmswatch_kms_host_requests_failed_total${label}`)).toBe(37);
    for (const name of ["kmswatch_kms_host_current_count", "kmswatch_clients", "kmswatch_open_findings", "kmswatch_ingest_batches_total"]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it("counts clients, findings and ingest like the database", async () => {
    const values = samples((await scrape(`Bearer ${inject("metricsToken")}`)).text);
    const sum = (prefix: string) => [...values].filter(([k]) => k.startsWith(prefix)).reduce((total, [, v]) => total + v, 0);
    const clients = await sqlOne<{ n: number }>("SELECT count(*)::int AS n FROM machine WHERE role = 'client'");
    expect(sum("kmswatch_clients{")).toBe(clients.n);
    const ingest = await sqlOne<{ batches: number; accepted: number; duplicates: number; rejected: number }>(
      "SELECT count(*)::int AS batches, sum(accepted)::int AS accepted, sum(duplicates)::int AS duplicates, sum(rejected)::int AS rejected FROM ingest_batch",
    );
    expect(values.get("kmswatch_ingest_batches_total")).toBe(ingest.batches);
    expect(values.get("kmswatch_ingest_accepted_total")).toBe(ingest.accepted);
    expect(values.get("kmswatch_ingest_duplicates_total")).toBe(ingest.duplicates);
    expect(values.get("kmswatch_ingest_rejected_total")).toBe(ingest.rejected);
    const unchanged = await sqlOne<{ n: number }>("SELECT sum(unchanged_checkins)::int AS n FROM agent");
    expect(values.get("kmswatch_checkins_unchanged_total")).toBe(unchanged.n);
    // The findings gauge counts the alerts not resolved, per rule and severity.
    const open = await sql<{ rule: string; severity: string; n: number }>(
      "SELECT rule_id AS rule, severity, count(*)::int AS n FROM alert WHERE state <> 'resolved' GROUP BY 1, 2",
    );
    expect(open.length).toBeGreaterThan(0);
    for (const o of open) expect(values.get(`kmswatch_open_findings{rule="${o.rule}",severity="${o.severity}"}`)).toBe(o.n);
    expect(sum("kmswatch_open_findings{")).toBe(open.reduce((n, o) => n + o.n, 0));
    // Every rule firing for our host shows up with its severity.
    const detail = await getJson<{ findings: { ruleId: string; severity: string }[] }>(`/api/dashboard/hosts/${hostId}`, {
      cookie: await signIn(),
    });
    expect(detail.body.findings.length).toBeGreaterThan(0);
    for (const f of detail.body.findings) {
      expect(values.get(`kmswatch_open_findings{rule="${f.ruleId}",severity="${f.severity}"}`), f.ruleId).toBeGreaterThanOrEqual(1);
    }
  });
});
