// The server's periodic fleet-wide alert evaluation (lib/alerts/scheduler.ts, every 5 minutes) runs on the
// same two cores as the dashboard: latencies are measured between two runs, and the run's own cost is
// reported as a figure of its own, so neither hides the other.
import type { BenchContext } from "./context";
import { log } from "./util";

/** Waits (at most 5 minutes) while an evaluation holds its advisory lock; returns the seconds waited. */
export async function waitForScheduledEvaluation(ctx: BenchContext): Promise<number> {
  const { EVALUATION_LOCK_KEY } = await import("../../lib/evaluate/alerts/evaluate");
  const t0 = performance.now();
  for (let i = 0; i < 150; i++) {
    // A bigint advisory key shows in pg_locks as classid (high 32 bits) and objid (low 32 bits).
    const held = await ctx.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = 0 AND objid = $1 AND granted`,
      [EVALUATION_LOCK_KEY],
    );
    if (held.rows[0]!.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  const seconds = (performance.now() - t0) / 1000;
  if (seconds > 1) log(`dashboard: waited ${seconds.toFixed(0)} s for the scheduled alert evaluation to finish`);
  return seconds;
}

/** One fleet-wide evaluation in this process, timed (what the scheduler runs every 5 minutes). */
export async function timeFleetEvaluation(): Promise<number> {
  const { evaluateAlerts } = await import("../../lib/evaluate/alerts/evaluate");
  const t0 = performance.now();
  const result = await evaluateAlerts({ wait: true });
  const seconds = (performance.now() - t0) / 1000;
  log(`fleet-wide alert evaluation: ${seconds.toFixed(1)} s, ${result.findings} findings`);
  return seconds;
}
