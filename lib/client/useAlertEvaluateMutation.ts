"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";

export type EvaluateResult = { findings: number; transitions: number; grouped: number; deliveries: number; attempted: number };

/** "Evaluate now" (admins): re-run every rule, notify at once, refresh alerts and the delivery log. */
export function useAlertEvaluateMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson<EvaluateResult>("/api/dashboard/alerts/evaluate", { method: "POST" }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["alerts"] }),
        queryClient.invalidateQueries({ queryKey: ["notifications"] }),
      ]),
  });
}
