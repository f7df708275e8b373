// Phase 2: hourly check-ins of a fleet where little changes. Each check-in carries the /dlv text
// and the CIM objects the simulator renders for the client's state at that moment; the trusted
// time and the remaining minutes move with the clock (with a jitter of up to ±90 s around the hour,
// as real schedulers have), and ~2% of check-ins carry a real change (a renewal: new expiry, new
// activation time). Measured: check-ins/s and snapshot + raw_artifact + ingest_batch rows added per unchanged check-in,
// through one replica, then through one replica per core on the same database (docs/scaling.md).
import { availableParallelism } from "node:os";
import { buildFleet, snapshotArtifacts } from "../scripts/simulator";
import { mulberry32 } from "../scripts/simulator/prng";
import { DAY, HOUR, LS } from "../scripts/simulator/constants";
import type { Checkin, ClientMachine, Fleet } from "../scripts/simulator/types";
import type { BenchContext, Enrolled } from "./lib/context";
import { enroll } from "./ingest";
import { log, pool, post, stat, type Stat } from "./lib/util";
import { cpuPerThousand, postmasterPid } from "./ingestCpu";

export const CHANGE_SHARE = 0.02;
/** A changed check-in stores a new /dlv and a new CIM snapshot, each with its raw artifact, and its batch row. */
const ROWS_PER_CHANGE = 5;

type State = { machine: ClientMachine; agent: Enrolled; lastActivationAt: number; expiresAt: number };

export type CheckinResult = {
  machines: number;
  concurrency: number;
  checkinsPerRun: number;
  checkinsPerSec: Stat;
  rowsPerUnchanged: Stat;
  rowsPerCheckin: Stat;
  requestMs: Stat;
  /** Bytes per ingest_batch row, and rows per check-in: only check-ins that store something add one. */
  ingestBatchBytesPerRow: number;
  ingestBatchRowsPerCheckin: Stat;
  /** The same route refusing a request without a token (no body parsing, no database): what the web framework alone allows. */
  frameworkCeilingPerSec: Stat;
  /** Check-ins/s over the 401s/s of the run right after it, per pair of runs. */
  ceilingRatio: Stat;
  /**
   * CPU ms per 1,000 requests of the server and of PostgreSQL, for check-ins and for the 401s of the ceiling, and the
   * ratio of their totals: the ceiling ratio without the machine's load (a shared VM swings requests/s, not CPU per request).
   */
  cpuMsPer1000: { checkin: { server: Stat; database: Stat }; unauthorized: { server: Stat; database: Stat }; ratio: Stat };
  /** The same measurements through one replica per core (same build, same database), agents spread over them. */
  replicas: { count: number; checkinsPerSec: Stat; frameworkCeilingPerSec: Stat };
};

function body(fleet: Fleet, s: State, at: number): string {
  const remainingMin = Math.max(0, Math.floor((s.expiresAt - at) / 60_000));
  const checkin: Checkin = {
    machineId: s.machine.id,
    at,
    events: [],
    snapshot: {
      kind: "client",
      at,
      licenseStatus: LS.Licensed,
      remainingMin,
      lastActivation: { hostId: s.machine.hostId ?? fleet.hosts[0]!.id, at: s.lastActivationAt },
    },
  };
  return JSON.stringify({
    collectedAt: new Date(at).toISOString(),
    agentVersion: "bench-1.0",
    artifacts: snapshotArtifacts(fleet, checkin),
  });
}

/** Rows stored for the machines, and PostgreSQL's transaction count (each statement outside a transaction is one). */
async function countRows(ctx: BenchContext, ids: string[]): Promise<{ rows: number; batches: number; transactions: number }> {
  // The statistics are flushed by each backend within a second: wait that out so a run's count is whole.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const r = await ctx.pool.query<{ n: string; batches: string; transactions: string }>(
    `SELECT (SELECT count(*) FROM snapshot WHERE machine_id = ANY($1::uuid[])) + (SELECT count(*) FROM raw_artifact WHERE machine_id = ANY($1::uuid[])) AS n,
            (SELECT count(*) FROM ingest_batch WHERE machine_id = ANY($1::uuid[])) AS batches,
            (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()) AS transactions`,
    [ids],
  );
  const row = r.rows[0]!;
  return { rows: Number(row.n) + Number(row.batches), batches: Number(row.batches), transactions: Number(row.transactions) };
}

export async function runCheckins(ctx: BenchContext): Promise<CheckinResult> {
  const { quick, runs } = ctx.options;
  const machinesN = quick ? 150 : 400;
  // Quick runs too last ~3 s each: at 1.5 s one scheduler hiccup moved the figure by a tenth.
  const rounds = 8;
  const concurrency = 16;
  const end = Date.now() - 30 * DAY;
  const fleet = buildFleet({ hosts: 2, clients: machinesN + 50, days: 1, scenarios: ["healthy"], seed: 4242, end });
  const chosen = fleet.clients.filter((c) => c.hasAgent && c.channel === "kms" && c.hostId).slice(0, machinesN);
  log(`check-ins: enrolling ${chosen.length} client agents`);
  const random = mulberry32(99);
  const states: State[] = new Array(chosen.length);
  await pool(chosen.length, 8, async (i) => {
    const m = chosen[i]!;
    const lastActivationAt = end - Math.floor(random() * 7 * DAY);
    states[i] = { machine: m, agent: await enroll(ctx, m.fqdn.toLowerCase()), lastActivationAt, expiresAt: lastActivationAt + 180 * DAY };
  });
  const ids = (
    await ctx.pool.query<{ id: string }>(`SELECT id FROM machine WHERE fqdn = ANY($1)`, [states.map((s) => s.agent.fqdn)])
  ).rows.map((r) => r.id);
  const send = async (baseUrl: string, s: State, json: string) => {
    const r0 = performance.now();
    const answer = await post(`${baseUrl}/api/v1/ingest`, json, { authorization: `Bearer ${s.agent.token}` });
    if (answer.status !== 200) throw new Error(`check-in answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    return performance.now() - r0;
  };
  // First check-in of every machine creates its snapshots: not measured.
  let hour = 0;
  await pool(states.length, concurrency, async (i) => void (await send(ctx.baseUrl, states[i]!, body(fleet, states[i]!, end))));

  const rates: number[] = [];
  const perUnchanged: number[] = [];
  const perCheckin: number[] = [];
  const requestTimes: number[] = [];
  const batchRows: number[] = [];
  let plans: string[] = [];
  // One run: every machine checks in `rounds` times; machine i goes to replica i mod n, as a load balancer spreads agents.
  const checkinRun = async (urls: string[], label: string, counted = true) => {
    // Render every body of the run first (state changes decided here), then post them.
    let changed = 0;
    const plan: string[][] = states.map(() => []);
    for (let r = 0; r < rounds; r++) {
      hour += 1;
      for (const [i, s] of states.entries()) {
        const at = end + hour * HOUR + Math.round((random() * 2 - 1) * 90_000);
        if (random() < CHANGE_SHARE) {
          // A renewal: the client reached its host again, the expiry moves 180 days ahead.
          s.lastActivationAt = at - 60_000 - Math.floor(random() * 30 * 60_000);
          s.expiresAt = s.lastActivationAt + 180 * DAY;
          changed += 1;
        }
        plan[i]!.push(body(fleet, s, at));
      }
    }
    plans = plan.flat();
    const total = states.length * rounds;
    const before = await countRows(ctx, ids);
    const t0 = performance.now();
    // Worker w owns machines w, w+W, ...: each machine's check-ins go out in time order.
    await Promise.all(
      Array.from({ length: concurrency }, async (_, w) => {
        for (let r = 0; r < rounds; r++) {
          for (let i = w; i < states.length; i += concurrency)
            requestTimes.push(await send(urls[i % urls.length]!, states[i]!, plan[i]![r]!));
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const after = await countRows(ctx, ids);
    const added = after.rows - before.rows;
    if (counted) {
      batchRows.push((after.batches - before.batches) / total);
      perUnchanged.push(Math.max(0, added - changed * ROWS_PER_CHANGE) / (total - changed));
      perCheckin.push(added / total);
    }
    log(
      `check-ins ${label}: ${(total / seconds).toFixed(0)} check-ins/s (${total} in ${seconds.toFixed(1)} s), ${changed} changed, ${added} snapshot+raw+batch rows added, ` +
        `${((after.transactions - before.transactions) / total).toFixed(2)} database transactions per check-in`,
    );
    return total / seconds;
  };
  // The ceiling in the same run: identical requests without a token are answered 401 before any work.
  const ceilingRun = async (urls: string[]) => {
    const total = states.length * rounds;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const i = next++;
          const answer = await post(`${urls[i % urls.length]}/api/v1/ingest`, plans[i % plans.length]!);
          if (answer.status !== 401) throw new Error(`unauthenticated check-in answered ${answer.status}`);
        }
      }),
    );
    return total / ((performance.now() - t0) / 1000);
  };
  const roots = { server: ctx.serverPid, database: await postmasterPid(ctx.pool) };
  const cpu = {
    checkin: { server: [] as number[], database: [] as number[] },
    unauthorized: { server: [] as number[], database: [] as number[] },
  };
  const measured = async (into: { server: number[]; database: number[] }, run: () => Promise<number>) => {
    let rate = 0;
    const used = await cpuPerThousand(roots, async () => {
      rate = await run();
      return states.length * rounds;
    });
    into.server.push(used.server);
    into.database.push(used.database);
    return rate;
  };
  // As in the ingest phase, warm-up runs first: V8 compiles the check-in's own paths (/dlv and CIM parsers, the
  // touch) over the first ~2,000 check-ins, which enrollment barely ran. Counted, the first run read ~1.6x the CPU per
  // check-in of the third, and one warm-up run still left the first counted run ~20% slower than the next two.
  for (let w = 1; w <= 2; w++) await checkinRun([ctx.baseUrl], `warm-up ${w}/2 (not counted)`, false);
  // Each counted check-in run is paired with a 401 run right after it, and the ratio is taken per pair: on a shared VM
  // the machine's speed drifts over tens of seconds (CPU per check-in 2.5 to 3.6 ms between two runs of one day), and
  // all check-ins first, then all 401s, put that drift into the ratio.
  const ceiling: number[] = [];
  const pairRatios: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const rate = await measured(cpu.checkin, () => checkinRun([ctx.baseUrl], `run ${run}/${runs}`));
    const unauthorized = await measured(cpu.unauthorized, () => ceilingRun([ctx.baseUrl]));
    rates.push(rate);
    ceiling.push(unauthorized);
    pairRatios.push(rate / unauthorized);
    log(`check-ins: 401s right after run ${run}: ${unauthorized.toFixed(0)} requests/s (ratio ${(rate / unauthorized).toFixed(2)})`);
  }
  log(`check-ins: framework ceiling (401 before any work) ${stat(ceiling).median.toFixed(0)} requests/s`);
  const cpuRatios = cpu.checkin.server.map((server, i) => {
    const checkin = server + (cpu.checkin.database[i] ?? 0);
    const unauthorized = (cpu.unauthorized.server[i] ?? 0) + (cpu.unauthorized.database[i] ?? 0);
    return unauthorized / checkin;
  });
  const median = (values: number[]) => stat(values).median.toFixed(0);
  log(
    `check-ins: CPU ms per 1,000: check-in server ${median(cpu.checkin.server)} + database ${median(cpu.checkin.database)}, ` +
      `401 server ${median(cpu.unauthorized.server)} + database ${median(cpu.unauthorized.database)} (ratio ${stat(cpuRatios).median.toFixed(2)})`,
  );
  // Scaling out on the same machine: one replica per core (at least two), the database shared.
  const replicaCount = Math.max(2, availableParallelism());
  const extra = await Promise.all(Array.from({ length: replicaCount - 1 }, () => ctx.startReplica()));
  const replicaRates: number[] = [];
  const replicaCeiling: number[] = [];
  try {
    const urls = [ctx.baseUrl, ...extra.map((server) => server.url)];
    // A fresh server compiles its hot paths first (the first replica warmed up on enrollment and the first check-ins).
    await checkinRun(urls, `through ${replicaCount} replicas, warm-up (not counted)`, false);
    for (let run = 1; run <= runs; run++) replicaRates.push(await checkinRun(urls, `through ${replicaCount} replicas, run ${run}/${runs}`));
    for (let run = 1; run <= runs; run++) replicaCeiling.push(await ceilingRun(urls));
    log(`check-ins: framework ceiling through ${replicaCount} replicas ${stat(replicaCeiling).median.toFixed(0)} requests/s`);
  } finally {
    await Promise.all(extra.map((server) => server.stop()));
  }
  const batch = await ctx.pool.query<{ bytes: string; n: string }>(
    `SELECT pg_total_relation_size('ingest_batch') AS bytes, (SELECT count(*) FROM ingest_batch) AS n`,
  );
  return {
    machines: states.length,
    concurrency,
    checkinsPerRun: states.length * rounds,
    checkinsPerSec: stat(rates),
    rowsPerUnchanged: stat(perUnchanged),
    rowsPerCheckin: stat(perCheckin),
    requestMs: stat(requestTimes),
    ingestBatchBytesPerRow: Number(batch.rows[0]!.bytes) / Math.max(1, Number(batch.rows[0]!.n)),
    ingestBatchRowsPerCheckin: stat(batchRows),
    frameworkCeilingPerSec: stat(ceiling),
    ceilingRatio: stat(pairRatios),
    cpuMsPer1000: {
      checkin: { server: stat(cpu.checkin.server), database: stat(cpu.checkin.database) },
      unauthorized: { server: stat(cpu.unauthorized.server), database: stat(cpu.unauthorized.database) },
      ratio: stat(cpuRatios),
    },
    replicas: { count: replicaCount, checkinsPerSec: stat(replicaRates), frameworkCeilingPerSec: stat(replicaCeiling) },
  };
}
