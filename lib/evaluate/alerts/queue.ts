// Coalesces the evaluations requested by ingests: an agent check-in only marks its machine dirty, and one
// in-process worker evaluates the dirty machines together a moment later. A burst of check-ins (a fleet
// pushing at once) therefore costs a few evaluations, never one waiting transaction per request, and the
// worker keeps to a share of the server's time so a flood of events is not slowed by its own alerting.
// A KMS host's request log alone waits longer (HOST_REQUESTS_DELAY_MS); a reader pulls everything forward.
import { evaluateAlerts } from "@/lib/evaluate/alerts/evaluate";

/** Wait at least this long after the first check-in so the machines of a burst are evaluated together. */
const DEBOUNCE_MS = 1_000;
/** After a pass that took T ms, the next waits BUDGET_FACTOR × T: evaluation keeps to about a fifth of the time. */
const BUDGET_FACTOR = 4;
/** Never later than this: an alert after ingest is at most seconds old. */
const MAX_DELAY_MS = 10_000;
/** One pass evaluates at most this many machines; beyond it the whole fleet is cheaper in one pass. */
const MACHINES_PER_PASS = 2_000;

/** After a failed pass (a busy database: its transaction timed out), the retry waits this, doubling up to RETRY_MAX_MS. */
const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 5 * 60_000;

/** A KMS host's new requests only move 30-day aggregates (clients, refusals, forecast): evaluated within this. */
export const HOST_REQUESTS_DELAY_MS = 30_000;

type QueueState = {
  dirty: Set<string>;
  /** Machines whose evaluation can wait HOST_REQUESTS_DELAY_MS, and the timer that moves them to `dirty`. */
  later: Set<string>;
  laterTimer: NodeJS.Timeout | null;
  fleet: boolean;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  lastPassMs: number;
  /** Passes failed in a row; while above 0 the next pass waits retryDelay(failures). */
  failures: number;
};

// On globalThis so dev hot reloads and the route bundles share one queue per process.
const globalForQueue = globalThis as unknown as { kmswatchAlertQueue?: QueueState };
const state = (globalForQueue.kmswatchAlertQueue ??= {
  dirty: new Set(),
  later: new Set(),
  laterTimer: null,
  fleet: false,
  timer: null,
  running: null,
  lastPassMs: 0,
  failures: 0,
});
// A queue created by an older build of this module (dev hot reload) has no `later` or `failures` yet.
state.later ??= new Set();
state.failures ??= 0;

/**
 * Marks a machine for evaluation. `hostRequestsOnly`: the batch only added a KMS host's request log (12290),
 * which a host receives all day; its machine waits up to HOST_REQUESTS_DELAY_MS, so a host catching up on
 * thousands of requests costs one evaluation, not one every second. Readers still see it at once (below).
 */
export function queueMachineEvaluation(machineId: string, hostRequestsOnly = false): void {
  if (!hostRequestsOnly) {
    state.later.delete(machineId);
    state.dirty.add(machineId);
    schedule();
    return;
  }
  if (state.dirty.has(machineId)) return;
  state.later.add(machineId);
  state.laterTimer ??= setTimeout(promoteLater, HOST_REQUESTS_DELAY_MS).unref();
}

function promoteLater(): void {
  if (state.laterTimer) clearTimeout(state.laterTimer);
  state.laterTimer = null;
  if (state.later.size === 0) return;
  for (const id of state.later) state.dirty.add(id);
  state.later.clear();
  schedule();
}

/** A change that can affect any machine (e.g. the approved KMS host list): one fleet-wide evaluation. */
export function queueFleetEvaluation(): void {
  state.fleet = true;
  schedule();
}

/** The pause before the next pass: the debounce, stretched to keep evaluation within its time budget. */
export function nextEvaluationDelay(lastPassMs: number): number {
  return Math.min(MAX_DELAY_MS, Math.max(DEBOUNCE_MS, BUDGET_FACTOR * lastPassMs));
}

/** The pause before retrying after `failures` failed passes in a row (1, 2, …): 5 s, 10 s, 20 s … at most 5 minutes. */
export function retryDelay(failures: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, failures - 1));
}

function start(): void {
  state.timer = null;
  state.running = drain().finally(() => {
    state.running = null;
    if (state.dirty.size > 0 || state.fleet) schedule();
  });
}

function schedule(): void {
  if (state.timer || state.running) return;
  state.timer = setTimeout(start, state.failures > 0 ? retryDelay(state.failures) : nextEvaluationDelay(state.lastPassMs));
}

async function drain(): Promise<void> {
  while (state.dirty.size > 0 || state.fleet) {
    const machineIds = [...state.dirty];
    const fleet = state.fleet || machineIds.length > MACHINES_PER_PASS;
    state.dirty.clear();
    state.fleet = false;
    const started = performance.now();
    try {
      await evaluateAlerts(fleet ? {} : { machineIds });
      state.failures = 0;
    } catch (error) {
      // The machines go back to the queue: dropped, their alerts would wait for the next scheduled fleet pass.
      for (const id of machineIds) state.dirty.add(id);
      state.fleet ||= fleet;
      state.failures += 1;
      console.error(`[alerts] evaluation after ingest failed; retrying in ${retryDelay(state.failures) / 1000} s`, error);
      return;
    } finally {
      state.lastPassMs = performance.now() - started;
    }
  }
}

/**
 * Waits (at most maxMs) until no evaluation is queued or running, so a read right after a check-in sees
 * it. A reader waiting pulls a queued pass forward: the budget delay is for floods nobody is looking at.
 */
export async function settleQueuedEvaluations(maxMs = 5_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  promoteLater();
  while ((state.timer || state.running || state.dirty.size > 0 || state.fleet) && Date.now() < deadline) {
    // A pass waiting to be retried is not pulled forward: the reader would only press a database that is failing.
    if (state.failures > 0 && !state.running) return;
    if (state.timer && !state.running) {
      clearTimeout(state.timer);
      start();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
