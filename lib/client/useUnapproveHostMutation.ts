"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { removedSchema } from "@/lib/access/contract/admin";
import { auditQueryKey } from "@/lib/client/useAuditQuery";

/** Admins only: a viewer gets a FetchError 403 whose message the page shows. */
export function useUnapproveHostMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (host: string) =>
      fetchJson(`/api/dashboard/audit/approved?host=${encodeURIComponent(host)}`, removedSchema, { method: "DELETE" }),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: auditQueryKey }), queryClient.invalidateQueries({ queryKey: ["alerts"] })]),
  });
}
