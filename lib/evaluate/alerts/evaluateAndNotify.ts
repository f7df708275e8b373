// "Evaluate now": a full evaluation, then the notification pass without waiting for the burst to settle,
// so an administrator (or a test) sees the result of a change at once instead of at the next schedule.
import { evaluateAlerts } from "@/lib/evaluate/alerts/evaluate";
import { settleQueuedEvaluations } from "@/lib/evaluate/alerts/queue";
import { dispatchPending } from "@/lib/evaluate/notify/dispatch";
import { sendDueDeliveries } from "@/lib/evaluate/notify/send";
import type { EvaluateResult } from "@/lib/evaluate/contract/alerts";

export async function evaluateAndNotify(now = new Date()): Promise<EvaluateResult> {
  // Let evaluations queued by recent check-ins finish first, so their transitions join this group.
  await settleQueuedEvaluations();
  const evaluation = await evaluateAlerts({ now });
  const dispatched = await dispatchPending({ force: true, now });
  let sent = 0;
  for (let batch = await sendDueDeliveries(); batch > 0; batch = await sendDueDeliveries()) sent += batch;
  return {
    findings: evaluation.findings,
    transitions: evaluation.transitions.length,
    grouped: dispatched.transitions,
    deliveries: dispatched.deliveries,
    attempted: sent,
  };
}
