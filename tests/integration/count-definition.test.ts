// One definition of a countable 12290 (lib/evaluate/facts/countableRequests.ts): the count chart's reconstructed
// count, the host facts behind the rules and the Prometheus gauge kmswatch_kms_host_reconstructed_count must agree
// on the same hosts, seeded with what used to split them: CMIDs in two letter cases, clock-skew refusals, blank
// CMIDs, requests older than the window, server-only requests (10 cap), unknown minimum counts (50 cap), and a host
// big enough for the chart to decide its count from a sample of the latest requests.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { enrollMachine, envelope, fixture, getJson, post, signIn, sql } from "./helpers";

const DAY = 86_400_000;
type Seed = { at: number; cmid: string; minCount: number | null; hresult?: string };
type Host = { name: string; expected: number; requests: Seed[]; fqdn?: string; id?: string };

const cmids = (n: number) => Array.from({ length: n }, () => randomUUID());
const daysAgo = (d: number) => Date.now() - d * DAY;

function mixed(): Seed[] {
  const ids = cmids(30);
  return [
    ...ids.map((cmid, i) => ({ at: daysAgo(1 + (i % 20)), cmid, minCount: 25 })),
    // The same 10 machines again, their CMIDs upper-cased and padded (another source's spelling): still 10 CMIDs.
    ...ids.slice(0, 10).map((cmid, i) => ({ at: daysAgo(2 + i), cmid: ` ${cmid.toUpperCase()} `, minCount: 25 })),
    // Refused for clock skew: never cached by the host, so not counted.
    { at: daysAgo(3), cmid: randomUUID(), minCount: 25, hresult: "0xC004F06C" },
    { at: daysAgo(3), cmid: "", minCount: 25 },
    { at: daysAgo(3), cmid: "   ", minCount: 25 },
    // Older than the 30-day window.
    ...cmids(5).map((cmid) => ({ at: daysAgo(35), cmid, minCount: 25 })),
  ];
}

const hosts: Host[] = [
  { name: "CD-MIXED", expected: 30, requests: mixed() },
  { name: "CD-SERVERS", expected: 10, requests: cmids(12).map((cmid, i) => ({ at: daysAgo(1 + i), cmid, minCount: 5 })) },
  { name: "CD-NULLMIN", expected: 12, requests: cmids(12).map((cmid, i) => ({ at: daysAgo(1 + i), cmid, minCount: null })) },
  // 250 requests from 60 machines: the chart reads the latest 200 only (lib/kms/countSample.ts).
  {
    name: "CD-BIG",
    expected: 50,
    requests: (() => {
      const ids = cmids(60);
      return Array.from({ length: 250 }, (_, i) => ({ at: daysAgo(1 + (i % 25) + i / 1000), cmid: ids[i % 60]!, minCount: 25 }));
    })(),
  },
];

let cookie = "";

async function seed(host: Host) {
  const m = await enrollMachine(host.name);
  const answer = await post("/api/v1/ingest", envelope([{ type: "dlv", text: fixture("dlv", "kms-host-healthy.en-US.txt") }]), m.token);
  expect(answer.status).toBe(200);
  const [row] = await sql<{ id: string }>("SELECT id FROM machine WHERE fqdn = $1", [m.fqdn]);
  host.fqdn = m.fqdn;
  host.id = row!.id;
  // Straight into the table: the agent API normalizes CMIDs, and the point is that every reader copes with rows
  // written by any path (older ingests, imports).
  await sql(
    `INSERT INTO activation_event (machine_id, log, record_id, event_id, time_created, hresult, cmid, min_count, client_fqdn, raw_xml)
     SELECT $1::uuid, 'Key Management Service', r.i, 12290, r.at, r.hresult, r.cmid, r.min_count, 'client-' || r.i || '.contoso.com', ''
       FROM unnest($2::timestamptz[], $3::text[], $4::int[], $5::text[]) WITH ORDINALITY AS r(at, cmid, min_count, hresult, i)`,
    [
      host.id,
      host.requests.map((r) => new Date(r.at)),
      host.requests.map((r) => r.cmid),
      host.requests.map((r) => r.minCount),
      host.requests.map((r) => r.hresult ?? "0x00000000"),
    ],
  );
}

async function gauge(): Promise<Map<string, number>> {
  const text = await (
    await fetch(`${inject("baseUrl")}/metrics`, { headers: { authorization: `Bearer ${inject("metricsToken")}` } })
  ).text();
  const values = new Map<string, number>();
  for (const m of text.matchAll(/^kmswatch_kms_host_reconstructed_count\{host="([^"]+)"\} (\d+)$/gm)) values.set(m[1]!, Number(m[2]));
  return values;
}

beforeAll(async () => {
  cookie = await signIn();
  for (const host of hosts) await seed(host);
}, 60_000);

describe("one definition of the reconstructed count", () => {
  it.each(hosts.map((h) => [h.name, h] as const))("%s: chart, host facts and Prometheus gauge agree", async (_name, host) => {
    const trend = await getJson<{ reconstructed: { count: number }[] }>(`/api/dashboard/hosts/${host.id}/trend?range=7d`, { cookie });
    const detail = await getJson<{ facts: { reconstructedCount: number | null } }>(`/api/dashboard/hosts/${host.id}`, { cookie });
    const metrics = await gauge();
    const chart = trend.body.reconstructed.at(-1)?.count;
    expect({ chart, facts: detail.body.facts.reconstructedCount, gauge: metrics.get(host.fqdn!) }).toEqual({
      chart: host.expected,
      facts: host.expected,
      gauge: host.expected,
    });
  });

  it("the duplicate-CMID rule's distinct CMIDs use the same CMID rule (case, blanks, clock skew)", async () => {
    const mixedHost = hosts[0]!;
    const detail = await getJson<{ facts: { distinctCmids30d: number } }>(`/api/dashboard/hosts/${mixedHost.id}`, { cookie });
    expect(detail.body.facts.distinctCmids30d).toBe(30);
  });
});
