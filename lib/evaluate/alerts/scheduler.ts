// In-process schedule, started once per server process by instrumentation.ts: a fleet-wide evaluation
// every 5 minutes (time-based rules fire without any check-in: renewal overdue, host idle...), and every
// 30 s the notification pass (group settled transitions, send due deliveries with their retries) and the fold
// of the license-state deltas the overview sums; every 6 hours the retention job (lib/evaluate/jobs/retention.ts).
// Several replicas may all run it: the evaluation only tries its advisory lock, dispatch and sending lock too.
import { evaluateAlerts } from "@/lib/evaluate/alerts/evaluate";
import { dispatchPending } from "@/lib/evaluate/notify/dispatch";
import { sendDueDeliveries } from "@/lib/evaluate/notify/send";
import { foldLicenseStateDeltas } from "@/lib/ingest/licenseStateCounts";
import { runRetention } from "@/lib/evaluate/jobs/retention";

const EVALUATE_EVERY_MS = 5 * 60_000;
const NOTIFY_EVERY_MS = 30_000;
/** Often enough that the deltas the overview sums stay a handful of rows even during a mass enrollment. */
const FOLD_EVERY_MS = 30_000;
/** Retention deletes a day's worth at a time in steady state; 6 h keeps each run short. First run 10 minutes after start. */
const RETENTION_EVERY_MS = 6 * 60 * 60_000;
const FIRST_RETENTION_MS = 10 * 60_000;
/** First evaluation soon after start, so alerts are current after a restart or upgrade. */
const FIRST_EVALUATION_MS = 15_000;

type SchedulerState = { started: boolean; evaluating: boolean; notifying: boolean };
// globalThis, not a module variable: Next may load this module more than once in one process.
const globalForScheduler = globalThis as unknown as { kmswatchAlertScheduler?: SchedulerState };

async function runEvaluation(state: SchedulerState): Promise<void> {
  if (state.evaluating) return;
  state.evaluating = true;
  try {
    const result = await evaluateAlerts({ wait: false });
    if (result.transitions.length > 0) console.log(`[alerts] scheduled evaluation: ${result.transitions.length} transition(s)`);
  } catch (error) {
    console.error("[alerts] scheduled evaluation failed", error);
  } finally {
    state.evaluating = false;
  }
}

async function runNotifications(state: SchedulerState): Promise<void> {
  if (state.notifying) return;
  state.notifying = true;
  try {
    await dispatchPending();
    // Drain in batches: a backlog (a receiver down for hours) must not wait one batch per 30 s.
    while ((await sendDueDeliveries()) > 0);
  } catch (error) {
    console.error("[notify] notification pass failed", error);
  } finally {
    state.notifying = false;
  }
}

async function runFold(): Promise<void> {
  try {
    await foldLicenseStateDeltas();
  } catch (error) {
    console.error("[counts] folding the license-state deltas failed", error);
  }
}

async function runRetentionJob(): Promise<void> {
  try {
    const result = await runRetention(new Date());
    if (result.ran) console.log(`[retention] ${JSON.stringify(result)}`);
  } catch (error) {
    console.error("[retention] retention pass failed", error);
  }
}

export function startAlertScheduler(): boolean {
  const state = (globalForScheduler.kmswatchAlertScheduler ??= { started: false, evaluating: false, notifying: false });
  if (state.started) return false;
  state.started = true;
  // unref: the schedule alone must not keep a stopping process alive.
  setTimeout(() => void runEvaluation(state), FIRST_EVALUATION_MS).unref();
  setInterval(() => void runEvaluation(state), EVALUATE_EVERY_MS).unref();
  setInterval(() => void runNotifications(state), NOTIFY_EVERY_MS).unref();
  setInterval(() => void runFold(), FOLD_EVERY_MS).unref();
  setTimeout(() => void runRetentionJob(), FIRST_RETENTION_MS).unref();
  setInterval(() => void runRetentionJob(), RETENTION_EVERY_MS).unref();
  return true;
}
