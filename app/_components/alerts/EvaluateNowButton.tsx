"use client";
// "Evaluate now" (admins only; hidden for viewers): re-runs every rule and sends notifications at once.
import { useMeQuery } from "@/lib/client/useMeQuery";
import { useAlertEvaluateMutation } from "@/lib/client/useAlertEvaluateMutation";

export function EvaluateNowButton() {
  const me = useMeQuery();
  const mutation = useAlertEvaluateMutation();
  if (me.data?.user.role !== "admin") return null;
  return (
    <div className="toolbar">
      <button type="button" disabled={mutation.isPending} onClick={() => mutation.mutate()}>
        {mutation.isPending ? "Evaluating…" : "Evaluate now"}
      </button>
      {mutation.isSuccess && (
        <span className="muted small">
          {mutation.data.transitions} change(s), {mutation.data.deliveries} notification(s) queued, {mutation.data.attempted} sent or
          attempted
        </span>
      )}
      {mutation.isError && <span className="error small">{mutation.error.message}</span>}
    </div>
  );
}
