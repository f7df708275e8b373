"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { bulkActionResultSchema } from "@/lib/evaluate/contract/alerts";
import type { BulkActionBody } from "@/lib/evaluate/alerts/bulkActions";

/** Admins only: acknowledge, snooze or resolve the selected alerts in one request. */
export function useBulkAlertMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkActionBody) =>
      fetchJson("/api/dashboard/alerts/bulk", bulkActionResultSchema, { method: "POST", body: JSON.stringify(body) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["alerts"] }),
  });
}
