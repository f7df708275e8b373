"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/hooks/fetchJson";
import { enrollSecretsQueryKey } from "@/lib/hooks/useEnrollSecretsQuery";
import { auditLogQueryKey } from "@/lib/hooks/useAuditLogQuery";
import type { RotatedEnrollSecret } from "@/lib/admin/enrollSecrets";

/** The answer holds the new secret: the page shows it once and never stores it. */
export function useEnrollSecretRotateMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (overlapDays: number) =>
      fetchJson<RotatedEnrollSecret>("/api/dashboard/enroll-secrets/rotate", { method: "POST", body: JSON.stringify({ overlapDays }) }),
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: enrollSecretsQueryKey }),
      queryClient.invalidateQueries({ queryKey: auditLogQueryKey }),
    ]),
  });
}
