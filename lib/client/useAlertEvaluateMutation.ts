"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { evaluateResultSchema } from "@/lib/evaluate/contract/alerts";

/** "Evaluate now" (admins): re-run every rule, notify at once, refresh alerts and the delivery log. */
export function useAlertEvaluateMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson("/api/dashboard/alerts/evaluate", evaluateResultSchema, { method: "POST" }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["alerts"] }),
        queryClient.invalidateQueries({ queryKey: ["notifications"] }),
      ]),
  });
}
