// Phase 1: events/s through the real agent API against rows/s of a plain COPY of the same parsed rows.
//
// Each agent is its own machine (a KMS host, whose Key Management Service log is where the volume is)
// and posts batches of 500 simulator-rendered 12290 events, sequentially; 4-8 agents run at once.
// The COPY side parses the same XML with lib/ingest/parse/eventXml.ts (outside the timing) into the
// columns lib/ingest/store.ts writes, and streams them into activation_event for fresh machine ids,
// one COPY per machine, as many at once as there are agents.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { renderEvents } from "../scripts/simulator/renderEvents";
import { ACT_ID_WIN_ENTERPRISE, LS } from "../scripts/simulator/constants";
import type { Event12290 } from "../scripts/simulator/types";
import { parseEventXml } from "../lib/ingest/parse/eventXml";
import { normalizeHostName } from "../lib/kms/hostNames";
import { byteaText, packText } from "../lib/core/deflate";
import type { BenchContext, Enrolled } from "./lib/context";
import { cpuPerThousand, postmasterPid } from "./ingestCpu";
import { log, pool, post, postJson, stat, type Stat } from "./lib/util";

export const EVENTS_PER_REQUEST = 500;
const COLUMNS = [
  "machine_id",
  "log",
  "record_id",
  "event_id",
  "time_created",
  "hresult",
  "kms_host",
  "kms_port",
  "cmid",
  "is_vm",
  "license_status",
  "activation_id",
  "min_count",
  "client_fqdn",
  "activated",
  "host_current_count",
  "domain",
  "raw_xml_packed",
];

export type IngestResult = {
  agents: number;
  eventsPerRequest: number;
  eventsPerRun: number;
  httpEventsPerSec: Stat;
  copyRowsPerSec: Stat;
  ratio: Stat;
  requestMs: Stat;
  /** CPU ms per 1,000 events through HTTP: the server (worker threads included) and PostgreSQL. */
  httpCpuMsPer1000: { server: Stat; database: Stat };
  /** CPU ms of PostgreSQL per 1,000 rows of the COPY. */
  copyCpuMsPer1000: { database: Stat };
  /** PostgreSQL's CPU per COPY row / (server + PostgreSQL) CPU per HTTP event: the ratio without the machine's load. */
  cpuRatio: Stat;
};

export async function enroll(ctx: BenchContext, fqdn: string): Promise<Enrolled> {
  const hostname = fqdn.split(".")[0]!.toUpperCase();
  const answer = await postJson<{ agentId: string; token: string }>(`${ctx.baseUrl}/api/v1/enroll`, {
    enrollSecret: ctx.enrollSecret,
    hostname,
    fqdn,
  });
  return { ...answer, fqdn };
}

export function hostEvents(fqdn: string, firstRecord: number, count: number, startMs: number): Event12290[] {
  const out: Event12290[] = [];
  for (let i = 0; i < count; i++) {
    const n = firstRecord + i;
    const time = startMs + i * 30_000;
    out.push({
      eventId: 12290,
      recordId: n,
      time,
      ticks: n % 10_000,
      computer: fqdn,
      hr: 0,
      minCount: 25,
      clientFqdn: `ws-${String(n % 100_000).padStart(6, "0")}.corp.contoso.com`,
      cmid: randomUUID(),
      clientTime: time - 1000,
      isVm: n % 7 === 0,
      licenseStatus: LS.Licensed,
      minutesToExpiry: 259_200 - (n % 10_080),
      actId: ACT_ID_WIN_ENTERPRISE,
    });
  }
  return out;
}

const copyText = (v: unknown): string => {
  if (v === null || v === undefined) return "\\N";
  const s = v instanceof Date ? v.toISOString() : String(v);
  return s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
};

/** The rows store.ts would write for this XML, as COPY text lines. */
function copyRows(machineId: string, xml: string, log: string): { lines: string[]; count: number } {
  const parsed = parseEventXml(xml);
  if (!parsed.ok) throw new Error(`bench XML did not parse: ${parsed.error.message}`);
  const lines: string[] = [];
  for (const item of parsed.value) {
    if (!item.ok) throw new Error(`bench event did not parse: ${item.error}`);
    const e = item.event;
    const values = [
      machineId,
      e.log ?? log,
      e.recordId,
      e.eventId,
      e.timeCreated,
      e.hresult,
      normalizeHostName(e.kmsHost),
      e.kmsPort,
      e.cmid?.toLowerCase() ?? null,
      e.isVm,
      e.licenseStatus,
      e.activationId,
      e.minCount,
      e.clientFqdn?.toLowerCase() ?? null,
      e.activated,
      e.hostCurrentCount,
      e.domain,
      // As storeEvents.ts stores it: packed with the event dictionary, bytea as hex text.
      byteaText(packText(item.raw, "eventXml")),
    ];
    lines.push(`${values.map(copyText).join("\t")}\n`);
  }
  return { lines, count: lines.length };
}

/** One run's figures: throughput of both sides and the CPU each cost per 1,000 events. */
type RunFigures = {
  httpRate: number;
  copyRate: number;
  requestTimes: number[];
  httpCpu: { server: number; database: number };
  copyCpu: { database: number };
};

export async function runIngest(ctx: BenchContext): Promise<IngestResult> {
  const { quick, runs } = ctx.options;
  const agentsN = quick ? 4 : 6;
  // Quick runs of 8,000 events (0.6 s) swung by a third from run to run; 32,000 (2–3 s) keep the phase under a minute.
  const requestsPerAgent = quick ? 16 : 10;
  log(`ingest: enrolling ${agentsN} agents (one KMS host machine each)`);
  const agents = await Promise.all(
    Array.from({ length: agentsN }, (_, a) => enroll(ctx, `bench-ingest-${String(a + 1).padStart(2, "0")}.corp.contoso.com`)),
  );
  const recordCursor = agents.map(() => 1);
  const clock = Date.now() - 60 * 86_400_000;
  const roots = { server: ctx.serverPid, database: await postmasterPid(ctx.pool) };
  const eventsPerRun = agentsN * requestsPerAgent * EVENTS_PER_REQUEST;

  const oneRun = async (): Promise<RunFigures> => {
    // Bodies rendered before the clock starts: the harness must not compete with the server for CPU.
    const bodies = agents.map((agent, a) =>
      Array.from({ length: requestsPerAgent }, () => {
        const first = recordCursor[a]!;
        recordCursor[a]! += EVENTS_PER_REQUEST;
        const xml = renderEvents(hostEvents(agent.fqdn, first, EVENTS_PER_REQUEST, clock + first * 30_000));
        return {
          xml,
          json: JSON.stringify({
            collectedAt: new Date(clock + recordCursor[a]! * 30_000).toISOString(),
            agentVersion: "bench-1.0",
            artifacts: [{ type: "events", log: "Key Management Service", xml }],
          }),
        };
      }),
    );
    let accepted = 0;
    let httpSeconds = 0;
    const requestTimes: number[] = [];
    // Timed inside: reading /proc before and after is not the server's time.
    const httpCpu = await cpuPerThousand(roots, async () => {
      const t0 = performance.now();
      await Promise.all(
        agents.map(async (agent, a) => {
          for (const body of bodies[a]!) {
            const r0 = performance.now();
            const answer = await post(`${ctx.baseUrl}/api/v1/ingest`, body.json, { authorization: `Bearer ${agent.token}` });
            requestTimes.push(performance.now() - r0);
            if (answer.status !== 200) throw new Error(`ingest answered ${answer.status}: ${answer.text.slice(0, 300)}`);
            const parsed = JSON.parse(answer.text) as { accepted: number; rejected: unknown[] };
            if (parsed.rejected.length > 0) throw new Error(`ingest rejected bench events: ${answer.text.slice(0, 300)}`);
            accepted += parsed.accepted;
          }
        }),
      );
      httpSeconds = (performance.now() - t0) / 1000;
      return accepted;
    });
    if (accepted !== eventsPerRun) throw new Error(`ingest accepted ${accepted} of ${eventsPerRun} events`);

    // The same rows, parsed, into fresh machines by COPY.
    const machineIds = agents.map(() => randomUUID());
    await ctx.pool.query(
      `INSERT INTO machine (id, fqdn, hostname, role) SELECT id, 'bench-copy-' || id || '.corp.contoso.com', 'BENCH-COPY', 'kms_host'
         FROM unnest($1::uuid[]) AS id`,
      [machineIds],
    );
    const payloads = agents.map((_, a) => {
      const lines: string[] = [];
      for (const body of bodies[a]!) lines.push(...copyRows(machineIds[a]!, body.xml, "Key Management Service").lines);
      return lines;
    });
    const rows = payloads.reduce((n, p) => n + p.length, 0);
    let copySeconds = 0;
    const copyCpu = await cpuPerThousand(roots, async () => {
      const c0 = performance.now();
      await pool(payloads.length, agentsN, async (a) => {
        const client = await ctx.pool.connect();
        try {
          const stream = client.query(copyFrom(`COPY activation_event (${COLUMNS.join(", ")}) FROM STDIN`));
          await pipeline(Readable.from(payloads[a]!), stream);
        } finally {
          client.release();
        }
      });
      copySeconds = (performance.now() - c0) / 1000;
      return rows;
    });
    return { httpRate: accepted / httpSeconds, copyRate: rows / copySeconds, requestTimes, httpCpu, copyCpu };
  };

  const describe = (f: RunFigures) =>
    `HTTP ${f.httpRate.toFixed(0)} events/s (${eventsPerRun} events), COPY ${f.copyRate.toFixed(0)} rows/s, ratio ${(f.httpRate / f.copyRate).toFixed(2)}; CPU ms per 1,000: HTTP server ${f.httpCpu.server.toFixed(0)} + database ${f.httpCpu.database.toFixed(0)}, COPY database ${f.copyCpu.database.toFixed(0)}`;
  // A fresh server compiles its hot paths on the first batches (its CPU per event was 2.5x the later runs'):
  // one run first, not counted, as the check-ins phase does for its replicas.
  log(`ingest warm-up (not counted): ${describe(await oneRun())}`);
  const figures: RunFigures[] = [];
  for (let run = 1; run <= runs; run++) {
    const f = await oneRun();
    figures.push(f);
    const cpuRatio = f.copyCpu.database / (f.httpCpu.server + f.httpCpu.database);
    log(`ingest run ${run}/${runs}: ${describe(f)} (CPU ratio ${cpuRatio.toFixed(2)})`);
  }
  const each = (pick: (f: RunFigures) => number) => stat(figures.map(pick));
  return {
    agents: agentsN,
    eventsPerRequest: EVENTS_PER_REQUEST,
    eventsPerRun,
    httpEventsPerSec: each((f) => f.httpRate),
    copyRowsPerSec: each((f) => f.copyRate),
    ratio: each((f) => f.httpRate / f.copyRate),
    requestMs: stat(figures.flatMap((f) => f.requestTimes)),
    httpCpuMsPer1000: { server: each((f) => f.httpCpu.server), database: each((f) => f.httpCpu.database) },
    copyCpuMsPer1000: { database: each((f) => f.copyCpu.database) },
    cpuRatio: each((f) => f.copyCpu.database / (f.httpCpu.server + f.httpCpu.database)),
  };
}
