"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { approvedHostSchema } from "@/lib/access/contract/admin";
import { auditQueryKey } from "@/lib/client/useAuditQuery";

export type ApproveHostInput = { host: string; note?: string };

/** Admins only: a viewer gets a FetchError 403 whose message the page shows. */
export function useApproveHostMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApproveHostInput) =>
      fetchJson("/api/dashboard/audit/approved", approvedHostSchema, { method: "POST", body: JSON.stringify(input) }),
    // Approval changes the audit badges and the rogue-host findings.
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: auditQueryKey }), queryClient.invalidateQueries({ queryKey: ["alerts"] })]),
  });
}
