// Phase 3b: latency of every dashboard API over the filled fleet, with a signed-in session cookie,
// then EXPLAIN (ANALYZE, BUFFERS) of the SQL behind every endpoint that misses its goal.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { signIn } from "./lib/session";
import type { BenchContext } from "./lib/context";
import { captureQueries } from "./lib/sqlRecorder";
import { timeFleetEvaluation, waitForScheduledEvaluation } from "./lib/background";
import { churnOneDay } from "./lib/churn";
import { fmt, log, percentile } from "./lib/util";

export const P95_GOAL_MS = 100;

export type EndpointResult = {
  name: string;
  path: string;
  status: number;
  bytes: number;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  /** Every sample in the order taken (ms): slow ones in a row point at a disturbance, spread ones at the endpoint. */
  samples: number[];
};
export type SlowQuery = { endpoint: string; ms: number; sql: string; planFile: string; planHead: string[]; hotNodes: string[] };
export type DashboardResult = {
  endpoints: EndpointResult[];
  slowQueries: SlowQuery[];
  inProcess: Record<string, number>;
  waitedForEvaluationSeconds: number;
  fleetEvaluationSeconds: number;
  /** Open alerts while the endpoints were measured (the fill's incident raises one per client of host 1). */
  openAlerts: number;
  /** The first evaluation after the fill, which opens those alerts. */
  incidentEvaluationSeconds: number;
  /** Rows rewritten per table before the measurement, as a day of a live fleet does (bench/lib/churn.ts). */
  churned: Record<string, number>;
};

type Endpoint = { name: string; path: string; call: () => Promise<unknown> };

async function endpoints(ctx: BenchContext): Promise<Endpoint[]> {
  const host = await ctx.pool.query<{ id: string }>(`SELECT id FROM machine WHERE role = 'kms_host' ORDER BY fqdn LIMIT 1`);
  const client = await ctx.pool.query<{ id: string; fqdn: string }>(
    `SELECT id, fqdn FROM machine WHERE role = 'client' ORDER BY fqdn OFFSET (SELECT count(*) / 2 FROM machine WHERE role = 'client') LIMIT 1`,
  );
  const hostId = host.rows[0]!.id;
  const clientId = client.rows[0]!.id;
  const q = client.rows[0]!.fqdn.slice(0, 8);
  // A deep page of the client list (page 500 at 50 a page, or the middle of a smaller fleet): by OFFSET and by cursor.
  const clientCount = (await ctx.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM machine WHERE role = 'client'`)).rows[0]!.n;
  const deepPage = Math.max(2, Math.min(500, Math.floor(clientCount / 2 / 50)));
  // The row before the deep page, as the UI's cursor of page N-1 holds it: by name, and newest check-in first.
  const beforeDeep = await ctx.pool.query<{ fqdn: string; last_seen_at: Date }>(
    `SELECT fqdn, last_seen_at FROM machine WHERE role = 'client' ORDER BY fqdn OFFSET $1 LIMIT 1`,
    [(deepPage - 1) * 50 - 1],
  );
  const beforeDeepByCheckIn = await ctx.pool.query<{ fqdn: string; last_seen_at: Date }>(
    `SELECT fqdn, last_seen_at FROM machine WHERE role = 'client' ORDER BY last_seen_at DESC NULLS LAST, fqdn OFFSET $1 LIMIT 1`,
    [(deepPage - 1) * 50 - 1],
  );
  const { encodeClientCursor } = await import("../lib/read/clients/clientCursor");
  const cursor = encodeClientCursor({ sort: "fqdn", value: beforeDeep.rows[0]!.fqdn, fqdn: beforeDeep.rows[0]!.fqdn });
  const byCheckIn = beforeDeepByCheckIn.rows[0]!;
  const checkInCursor = encodeClientCursor({ sort: "-lastCheckIn", value: byCheckIn.last_seen_at.toISOString(), fqdn: byCheckIn.fqdn });
  const now = () => new Date();
  const [overview, trend, hostClients, dups, audit, list, detail, alerts, alertFilters, hostList] = await Promise.all([
    import("../lib/read/fleet/getFleetOverview"),
    import("../lib/read/hosts/getHostCountTrend"),
    import("../lib/read/hosts/getHostClients"),
    import("../lib/read/fleet/getDuplicateCmids"),
    import("../lib/read/audit/getHostAudit"),
    import("../lib/read/clients/getClientList"),
    import("../lib/read/clients/getClientDetail"),
    import("../lib/read/alerts/listAlerts"),
    import("../lib/read/alerts/alertFilters"),
    import("../lib/read/hosts/getHostList"),
  ]);
  return [
    { name: "overview", path: "/api/dashboard/overview", call: () => overview.getFleetOverview(now()) },
    {
      name: "host trend 30d",
      path: `/api/dashboard/hosts/${hostId}/trend?range=30d`,
      call: () => trend.getHostCountTrend(hostId, "30d", now()),
    },
    { name: "host clients", path: `/api/dashboard/hosts/${hostId}/clients`, call: () => hostClients.getHostClients(hostId, now()) },
    { name: "duplicate-cmids", path: "/api/dashboard/duplicate-cmids", call: () => dups.getDuplicateCmids() },
    { name: "audit", path: "/api/dashboard/audit", call: () => audit.getHostAudit() },
    {
      name: `clients?q=${q}`,
      path: `/api/dashboard/clients?q=${encodeURIComponent(q)}`,
      call: () => list.getClientList(list.clientListQuerySchema.parse({ q })),
    },
    { name: "clients page 1", path: "/api/dashboard/clients", call: () => list.getClientList(list.clientListQuerySchema.parse({})) },
    {
      name: `clients page ${deepPage} (OFFSET)`,
      path: `/api/dashboard/clients?page=${deepPage}`,
      call: () => list.getClientList(list.clientListQuerySchema.parse({ page: deepPage })),
    },
    {
      name: `clients page ${deepPage} (cursor)`,
      path: `/api/dashboard/clients?after=${cursor}&page=${deepPage}`,
      call: () => list.getClientList(list.clientListQuerySchema.parse({ after: cursor, page: deepPage })),
    },
    {
      name: "clients page 1 (-lastCheckIn)",
      path: "/api/dashboard/clients?sort=-lastCheckIn",
      call: () => list.getClientList(list.clientListQuerySchema.parse({ sort: "-lastCheckIn" })),
    },
    {
      name: `clients page ${deepPage} (-lastCheckIn, cursor)`,
      path: `/api/dashboard/clients?sort=-lastCheckIn&after=${checkInCursor}&page=${deepPage}`,
      call: () => list.getClientList(list.clientListQuerySchema.parse({ sort: "-lastCheckIn", after: checkInCursor, page: deepPage })),
    },
    { name: "client detail", path: `/api/dashboard/clients/${clientId}`, call: () => detail.getClientDetail(clientId, now()) },
    { name: "alerts", path: "/api/dashboard/alerts", call: () => alerts.listAlerts(alertFilters.alertListQuerySchema.parse({})) },
    { name: "hosts", path: "/api/dashboard/hosts", call: () => hostList.getHostList() },
  ];
}

async function timeGet(url: string, cookie: string, timeoutMs: number): Promise<{ ms: number; status: number; bytes: number }> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { headers: { cookie }, signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.arrayBuffer();
    return { ms: performance.now() - t0, status: res.status, bytes: body.byteLength };
  } catch (error) {
    if ((error as Error).name === "TimeoutError") return { ms: Infinity, status: 0, bytes: 0 };
    throw error;
  }
}

/** The plan nodes with the largest inclusive time (actual time × loops), to point at the culprit. */
function hotNodes(plan: string[]): string[] {
  const nodes = plan
    .map((line) => {
      const m = line.match(/actual time=[\d.]+\.\.([\d.]+) rows=[\d.]+ loops=(\d+)/);
      return m ? { line: line.trim().replace(/\s+/g, " "), total: Number(m[1]) * Number(m[2]) } : null;
    })
    .filter((x): x is { line: string; total: number } => x !== null)
    .sort((a, b) => b.total - a.total);
  return nodes.slice(1, 6).map((n) => `${fmt(n.total, 0)} ms: ${n.line.slice(0, 220)}`);
}

export async function runDashboard(ctx: BenchContext): Promise<DashboardResult> {
  const { quick } = ctx.options;
  const cookie = await signIn(ctx);
  const list = await endpoints(ctx);
  const waitedForEvaluationSeconds = await waitForScheduledEvaluation(ctx);
  // The pass the scheduler would run after the fill: it opens the incident's alerts, so the endpoints are
  // measured on the bad day (the next pass, timed after the measurement, is the steady one).
  const incidentEvaluationSeconds = await timeFleetEvaluation();
  const churned = await churnOneDay(ctx);
  const openAlerts = (await ctx.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM alert WHERE state <> 'resolved'`)).rows[0]!.n;
  // 100 samples in the full run: with 30, p95 is the second-slowest request and p99 the slowest.
  const samplesWanted = quick ? 30 : 100;
  const budgetMs = quick ? 8_000 : 25_000;
  // A request slower than this is recorded as a timeout (Infinity) and the endpoint is not sampled further.
  const timeoutMs = quick ? 30_000 : 60_000;
  // Round-robin: every endpoint is sampled once per round, so a transient disturbance (the database
  // settling after the fill, a GC pause) spreads over all endpoints instead of landing on whichever is first.
  // 3 warm-up rounds (1 for an endpoint taking seconds), then up to 30 samples each within its time budget
  // (at least 3; only 1 when a request takes over 10 s, none more after a timeout).
  const probes = list.map((ep) => ({
    ep,
    url: `${ctx.baseUrl}${ep.path}`,
    status: 0,
    bytes: 0,
    slowest: 0,
    spentMs: 0,
    times: [] as number[],
  }));
  for (let w = 0; w < 3; w++) {
    for (const p of probes) {
      if (w > 0 && p.slowest > 3000) continue;
      const r = await timeGet(p.url, cookie, timeoutMs);
      p.status = r.status;
      p.bytes = r.bytes;
      p.slowest = Math.max(p.slowest, r.ms);
      if (r.status !== 200 && r.status !== 0) throw new Error(`${p.ep.path} answered ${r.status}`);
    }
  }
  const wantsMore = (p: (typeof probes)[number]) => {
    if (p.slowest === Infinity || p.times.length >= samplesWanted || p.times.at(-1) === Infinity) return false;
    return p.times.length < (p.slowest > 10_000 ? 1 : 3) || p.spentMs < budgetMs;
  };
  while (probes.some(wantsMore)) {
    for (const p of probes.filter(wantsMore)) {
      const r = await timeGet(p.url, cookie, timeoutMs);
      p.times.push(r.ms);
      p.spentMs += r.ms;
    }
  }
  const results: EndpointResult[] = probes.map(({ ep, status, bytes, times: sampled }) => {
    const times = sampled.length > 0 ? sampled : [Infinity];
    const r: EndpointResult = {
      name: ep.name,
      path: ep.path,
      status,
      bytes,
      n: times.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      min: Math.min(...times),
      max: Math.max(...times),
      samples: sampled.map((ms) => Math.round(ms * 10) / 10),
    };
    log(`dashboard ${ep.name}: p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, p99 ${fmt(r.p99)} ms (n=${r.n}, ${fmt(bytes / 1024)} KiB)`);
    return r;
  });

  // Where the time goes: the same query functions in this process, each raw statement timed, and the
  // slow ones EXPLAINed (deduplicated: statements shared by endpoints).
  const explainDir = path.join(ctx.resultsDir, "explain");
  // Plans of this run only: a stale file from an earlier run would describe queries that no longer exist.
  rmSync(explainDir, { recursive: true, force: true });
  mkdirSync(explainDir, { recursive: true });
  const slowQueries: SlowQuery[] = [];
  const inProcess: Record<string, number> = {};
  const seen = new Set<string>();
  for (const ep of list) {
    const measured = results.find((r) => r.name === ep.name);
    if (!measured || measured.p95 < P95_GOAL_MS) continue;
    if (measured.p50 === Infinity) {
      log(`explain ${ep.name}: skipped (timed out over HTTP); see the endpoints sharing its queries`);
      continue;
    }
    // Once untimed first: the first call in this process also pays for Prisma's own start-up.
    await ep.call();
    const { ms, queries } = await captureQueries(ep.call);
    inProcess[ep.name] = ms;
    const slow = queries
      .filter((q) => q.ms >= 20)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3);
    log(
      `explain ${ep.name}: in-process ${fmt(ms)} ms, ${queries.length} statements, SQL total ${fmt(queries.reduce((n, q) => n + q.ms, 0))} ms`,
    );
    for (const q of slow) {
      const key = q.text.replace(/\s+/g, " ").slice(0, 400);
      if (seen.has(key)) continue;
      seen.add(key);
      // ANALYZE runs the statement again: only when it takes under 20 s, else the estimated plan.
      const mode = q.ms < 20_000 ? "ANALYZE, BUFFERS" : "COSTS";
      const plan = (await ctx.pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (${mode}) ${q.text}`, q.values)).rows.map(
        (r) => r["QUERY PLAN"],
      );
      const file = path.join(explainDir, `${ep.name.replace(/[^a-z0-9]+/gi, "-")}-${slowQueries.length + 1}.txt`);
      writeFileSync(
        file,
        `-- ${ep.name}: ${fmt(q.ms)} ms in-process\n-- values: ${JSON.stringify(q.values)}\n${q.text}\n\n${plan.join("\n")}\n`,
      );
      const sql = q.text.replace(/\s+/g, " ").trim();
      slowQueries.push({
        endpoint: ep.name,
        ms: q.ms,
        sql: sql.slice(0, 300),
        planFile: path.relative(process.cwd(), file),
        planHead: plan.slice(0, 12),
        hotNodes: hotNodes(plan),
      });
      log(`  ${fmt(q.ms)} ms: ${sql.slice(0, 120)}…  (plan: ${path.relative(process.cwd(), file)})`);
    }
  }
  return {
    endpoints: results,
    slowQueries,
    inProcess,
    waitedForEvaluationSeconds,
    openAlerts,
    incidentEvaluationSeconds,
    churned,
    fleetEvaluationSeconds: await timeFleetEvaluation(),
  };
}
