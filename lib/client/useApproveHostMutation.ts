"use client";
import { fetchJson } from "@/lib/client/fetchJson";
import { approvedHostSchema } from "@/lib/access/contract/admin";
import { useApiMutation } from "@/lib/client/apiHooks";
import { auditQueryKey } from "@/lib/client/useAuditQuery";

export type ApproveHostInput = { host: string; note?: string };

/** Approving or removing a host changes the audit badges and the rogue-host findings. */
export const staleAfterApproval = [auditQueryKey, ["alerts"]];

/** Admins only: a viewer gets a FetchError 403 whose message the page shows. */
export function useApproveHostMutation() {
  return useApiMutation(
    (input: ApproveHostInput) =>
      fetchJson("/api/dashboard/audit/approved", approvedHostSchema, { method: "POST", body: JSON.stringify(input) }),
    staleAfterApproval,
  );
}
