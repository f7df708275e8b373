"use client";
import { fetchJson } from "@/lib/client/fetchJson";
import { removedSchema } from "@/lib/access/contract/admin";
import { useApiMutation } from "@/lib/client/apiHooks";
import { staleAfterApproval } from "@/lib/client/useApproveHostMutation";

/** Admins only: a viewer gets a FetchError 403 whose message the page shows. */
export function useUnapproveHostMutation() {
  return useApiMutation(
    (host: string) => fetchJson(`/api/dashboard/audit/approved?host=${encodeURIComponent(host)}`, removedSchema, { method: "DELETE" }),
    staleAfterApproval,
  );
}
