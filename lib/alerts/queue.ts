// Coalesces the evaluations requested by ingests: an agent check-in only marks its machine dirty, and one
// in-process worker evaluates the dirty machines a moment later. A burst of check-ins (a fleet pushing at
// once) therefore costs a few evaluations, never one waiting transaction per request.
import { evaluateAlerts } from "@/lib/alerts/evaluate";

/** Wait this long after the first check-in so the machines of a burst are evaluated together. */
const DEBOUNCE_MS = 1_000;
/** Beyond this many dirty machines one fleet-wide evaluation is cheaper than one per machine. */
const FULL_EVALUATION_ABOVE = 25;

type QueueState = { dirty: Set<string>; fleet: boolean; timer: NodeJS.Timeout | null; running: Promise<void> | null };

// On globalThis so dev hot reloads and the route bundles share one queue per process.
const globalForQueue = globalThis as unknown as { kmswatchAlertQueue?: QueueState };
const state = (globalForQueue.kmswatchAlertQueue ??= { dirty: new Set(), fleet: false, timer: null, running: null });

export function queueMachineEvaluation(machineId: string): void {
  state.dirty.add(machineId);
  schedule();
}

/** A change that can affect any machine (e.g. the approved KMS host list): one fleet-wide evaluation. */
export function queueFleetEvaluation(): void {
  state.fleet = true;
  schedule();
}

function schedule(): void {
  if (state.timer || state.running) return;
  state.timer = setTimeout(() => {
    state.timer = null;
    state.running = drain().finally(() => {
      state.running = null;
      if (state.dirty.size > 0) schedule();
    });
  }, DEBOUNCE_MS);
}

async function drain(): Promise<void> {
  while (state.dirty.size > 0 || state.fleet) {
    const machineIds = [...state.dirty];
    const fleet = state.fleet;
    state.dirty.clear();
    state.fleet = false;
    try {
      if (fleet || machineIds.length > FULL_EVALUATION_ABOVE) await evaluateAlerts();
      else for (const machineId of machineIds) await evaluateAlerts({ machineId });
    } catch (error) {
      console.error("[alerts] evaluation after ingest failed", error);
    }
  }
}

/** Waits (at most maxMs) until no evaluation is queued or running, so a read right after a check-in sees it. */
export async function settleQueuedEvaluations(maxMs = 5_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  while ((state.timer || state.running || state.dirty.size > 0 || state.fleet) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
