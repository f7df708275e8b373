"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { enrollSecretsQueryKey } from "@/lib/client/useEnrollSecretsQuery";
import { auditLogQueryKey } from "@/lib/client/useAuditLogQuery";
import type { RotatedEnrollSecret } from "@/lib/access/admin/enrollSecrets";

/** The answer holds the new secret: the page shows it once and never stores it. */
export function useEnrollSecretRotateMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (overlapDays: number) =>
      fetchJson<RotatedEnrollSecret>("/api/dashboard/enroll-secrets/rotate", { method: "POST", body: JSON.stringify({ overlapDays }) }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: enrollSecretsQueryKey }),
        queryClient.invalidateQueries({ queryKey: auditLogQueryKey }),
      ]),
  });
}
