"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { auditQueryKey } from "@/lib/client/useAuditQuery";

export type ApproveHostInput = { host: string; note?: string };
export type ApproveHostResult = { id: string; host: string };

/** Admins only: a viewer gets a FetchError 403 whose message the page shows. */
export function useApproveHostMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApproveHostInput) =>
      fetchJson<ApproveHostResult>("/api/dashboard/audit/approved", { method: "POST", body: JSON.stringify(input) }),
    // Approval changes the audit badges and the rogue-host findings.
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: auditQueryKey }), queryClient.invalidateQueries({ queryKey: ["alerts"] })]),
  });
}
