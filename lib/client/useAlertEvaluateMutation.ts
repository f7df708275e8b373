"use client";
import { fetchJson } from "@/lib/client/fetchJson";
import { evaluateResultSchema } from "@/lib/evaluate/contract/alerts";
import { useApiMutation } from "@/lib/client/apiHooks";

/** "Evaluate now" (admins): re-run every rule, notify at once, refresh alerts and the delivery log. */
export function useAlertEvaluateMutation() {
  return useApiMutation(
    () => fetchJson("/api/dashboard/alerts/evaluate", evaluateResultSchema, { method: "POST" }),
    [["alerts"], ["notifications"]],
  );
}
