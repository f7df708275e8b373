// Phase 2b: overload and catch-up (issue #20). Agents are simulated as the agents behave: each keeps a spool of
// check-ins, sends the oldest, drops it from the spool only when answered 200, and on 503/429 waits the
// Retry-After the server sent plus a random jitter of up to as much again before trying it again.
// - overload: 320 agents (FLOOD_AGENTS: 20x the check-ins the server admits at once),
//   each checking in back to back for the phase's duration (a fleet after an outage); printed: accepted p95,
//   refused share, the server's peak resident memory, and events lost;
// - catch-up: every agent holds 24 h of hourly check-ins at once; printed: time until every spool is empty.
// Each check-in carries 5 new 12290 events, so every accepted one stores rows and "lost" is counted in the
// database: events generated minus events stored for these agents' machines (must be 0).
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { renderEvents } from "../scripts/simulator/renderEvents";
import type { BenchContext, Enrolled } from "./lib/context";
import { enroll, hostEvents } from "./ingest";
import { peakRss, treeRssMiB } from "./lib/memory";
import { log, percentile, pool, post, sleep } from "./lib/util";

/**
 * Agents flooding the server: 4x the 80 check-ins it admitted at once until round 4 (16 running + 64 queued),
 * kept at 320 so that runs before and after compare (it now admits 16, so this is 20x).
 */
const FLOOD_AGENTS = 320;
const EVENTS_PER_CHECKIN = 5;

export type OverloadResult = {
  agents: number;
  /** How long the flood lasted, and the requests answered meanwhile (accepted + refused + other errors). */
  seconds: number;
  requests: number;
  /** Answered 200 (stored) and 503/429 (nothing stored, Retry-After). */
  accepted: number;
  refused: number;
  refusedShare: number;
  acceptedP50Ms: number;
  acceptedP95Ms: number;
  acceptedP99Ms: number;
  acceptedMaxMs: number;
  refusedP95Ms: number;
  /**
   * The refusals split by connection: on a connection the agent kept alive, the door answers at once; a new
   * connection first waits for the busy server to accept and read it (docs/scaling.md, round 5).
   */
  refusedOnKeptAliveP95Ms: number;
  refusedOnNewConnectionP95Ms: number;
  refusedOnNewConnectionShare: number;
  /** How late the load generator's own event loop ran during the phase: time its 320 agents' answers waited on this side. */
  generatorLoopLateP99Ms: number;
  generatorLoopLateMaxMs: number;
  /** Refusals without a Retry-After header (must be 0). */
  refusedWithoutRetryAfter: number;
  otherErrors: number;
  serverRssMiBBefore: number;
  serverRssMiBPeak: number;
  eventsGenerated: number;
  eventsStored: number;
  eventsLost: number;
  /** null with `--skip catchup` (on a loaded machine it takes ten minutes). */
  catchUp: CatchUp | null;
};

type CatchUp = { agents: number; checkinsPerAgent: number; drainSeconds: number; refused: number; eventsLost: number };

/** `connection`: each agent is its own machine, with its own kept-alive connection (not a pool shared by all). */
type Agent = Enrolled & { next: number; spool: string[]; connection: http.Agent };
type Tally = { accepted: number[]; refusedMs: number[]; refusedNewMs: number[]; refused: number; noRetryAfter: number; other: number };
const emptyTally = (): Tally => ({ accepted: [], refusedMs: [], refusedNewMs: [], refused: 0, noRetryAfter: 0, other: 0 });

function checkin(agent: Agent, at: number): string {
  const first = agent.next;
  agent.next += EVENTS_PER_CHECKIN;
  const xml = renderEvents(hostEvents(agent.fqdn, first, EVENTS_PER_CHECKIN, at));
  return JSON.stringify({
    collectedAt: new Date(at).toISOString(),
    agentVersion: "bench-1.0",
    artifacts: [{ type: "events", log: "Key Management Service", xml }],
  });
}

/** Sends the agent's spool oldest first until empty or `until` (ms, performance.now()); honours Retry-After with jitter. */
async function drain(ctx: BenchContext, agent: Agent, tally: Tally, until: number, refill?: () => string): Promise<void> {
  while (performance.now() < until) {
    if (agent.spool.length === 0) {
      if (!refill) return;
      agent.spool.push(refill());
    }
    const body = agent.spool[0] as string;
    const t0 = performance.now();
    const answer = await post(`${ctx.baseUrl}/api/v1/ingest`, body, { authorization: `Bearer ${agent.token}` }, agent.connection);
    const ms = performance.now() - t0;
    if (answer.status === 200) {
      tally.accepted.push(ms);
      agent.spool.shift();
    } else if (answer.status === 503 || answer.status === 429) {
      tally.refused += 1;
      (answer.newConnection ? tally.refusedNewMs : tally.refusedMs).push(ms);
      if (answer.retryAfter === undefined) tally.noRetryAfter += 1;
      const wait = (answer.retryAfter ?? 5) * 1000;
      await sleep(wait + Math.random() * wait);
    } else {
      tally.other += 1;
      await sleep(1000);
    }
  }
}

async function storedEvents(ctx: BenchContext, agents: Agent[]): Promise<number> {
  const r = await ctx.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM activation_event e JOIN machine m ON m.id = e.machine_id WHERE m.fqdn = ANY($1)`,
    [agents.map((a) => a.fqdn)],
  );
  return r.rows[0]?.n ?? 0;
}

export async function runOverload(ctx: BenchContext): Promise<OverloadResult> {
  const { quick } = ctx.options;
  const agentsN = FLOOD_AGENTS;
  const seconds = quick ? 20 : 60;
  log(`overload: enrolling ${agentsN} agents, each checking in back to back`);
  const agents: Agent[] = new Array(agentsN);
  await pool(agentsN, 8, async (i) => {
    const enrolled = await enroll(ctx, `bench-overload-${String(i + 1).padStart(4, "0")}.corp.contoso.com`);
    agents[i] = { ...enrolled, next: 1, spool: [], connection: new http.Agent({ keepAlive: true, maxSockets: 1 }) };
  });
  let clock = Date.now() - 20 * 86_400_000;
  let generated = 0;
  const fresh = (agent: Agent) => () => {
    generated += EVENTS_PER_CHECKIN;
    clock += 1000;
    return checkin(agent, clock);
  };
  const tally = emptyTally();
  const rssBefore = treeRssMiB(ctx.serverPid);
  const memory = peakRss(ctx.serverPid);
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const t0 = performance.now();
  // All at once, back to back for the phase; then each agent empties what its spool still holds.
  await Promise.all(agents.map((a) => drain(ctx, a, tally, t0 + seconds * 1000, fresh(a))));
  const elapsed = (performance.now() - t0) / 1000;
  loopDelay.disable();
  const generatorLoopLateP99Ms = loopDelay.percentile(99) / 1e6;
  const generatorLoopLateMaxMs = loopDelay.max / 1e6;
  await Promise.all(agents.map((a) => drain(ctx, a, emptyTally(), Infinity)));
  const peak = memory.stop();
  const stored = await storedEvents(ctx, agents);
  const requests = tally.accepted.length + tally.refused + tally.other;
  log(
    `overload: ${agentsN} agents for ${elapsed.toFixed(0)} s: ${tally.accepted.length} accepted (p95 ${percentile(tally.accepted, 95).toFixed(0)} ms), ${tally.refused} refused, ${generated - stored} events lost, RSS ${rssBefore.toFixed(0)} -> ${peak.toFixed(0)} MiB, load generator's event loop late by p99 ${generatorLoopLateP99Ms.toFixed(0)} ms, max ${generatorLoopLateMaxMs.toFixed(0)} ms`,
  );

  const catchUp = ctx.options.skip.has("catchup") ? null : await runCatchUp(ctx, agents, clock);
  for (const agent of agents) agent.connection.destroy();
  return {
    agents: agentsN,
    seconds: elapsed,
    requests,
    accepted: tally.accepted.length,
    refused: tally.refused,
    refusedShare: tally.refused / Math.max(1, requests),
    acceptedP50Ms: percentile(tally.accepted, 50),
    acceptedP95Ms: percentile(tally.accepted, 95),
    acceptedP99Ms: percentile(tally.accepted, 99),
    acceptedMaxMs: Math.max(...tally.accepted),
    refusedP95Ms: percentile([...tally.refusedMs, ...tally.refusedNewMs], 95),
    refusedOnKeptAliveP95Ms: percentile(tally.refusedMs, 95),
    refusedOnNewConnectionP95Ms: percentile(tally.refusedNewMs, 95),
    refusedOnNewConnectionShare: tally.refusedNewMs.length / Math.max(1, tally.refused),
    generatorLoopLateP99Ms,
    generatorLoopLateMaxMs,
    refusedWithoutRetryAfter: tally.noRetryAfter,
    otherErrors: tally.other,
    serverRssMiBBefore: rssBefore,
    serverRssMiBPeak: peak,
    eventsGenerated: generated,
    eventsStored: stored,
    eventsLost: generated - stored,
    catchUp,
  };
}

/** Catch-up: 24 hourly check-ins spooled on every agent, all sent as fast as the server lets them. */
async function runCatchUp(ctx: BenchContext, agents: Agent[], clock: number): Promise<CatchUp> {
  const hours = 24;
  let catchUpGenerated = 0;
  for (const agent of agents) {
    agent.spool = Array.from({ length: hours }, (_, h) => checkin(agent, clock + h * 3_600_000));
    catchUpGenerated += hours * EVENTS_PER_CHECKIN;
  }
  const before = await storedEvents(ctx, agents);
  const catchTally = emptyTally();
  const c0 = performance.now();
  await Promise.all(agents.map((a) => drain(ctx, a, catchTally, Infinity)));
  const drainSeconds = (performance.now() - c0) / 1000;
  const catchUpLost = catchUpGenerated - ((await storedEvents(ctx, agents)) - before);
  log(
    `catch-up: ${agents.length} agents x ${hours} check-ins drained in ${drainSeconds.toFixed(0)} s (${catchTally.refused} refusals), ${catchUpLost} events lost`,
  );

  return { agents: agents.length, checkinsPerAgent: hours, drainSeconds, refused: catchTally.refused, eventsLost: catchUpLost };
}
