"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { rotatedEnrollSecretSchema } from "@/lib/access/contract/admin";
import { enrollSecretsQueryKey } from "@/lib/client/useEnrollSecretsQuery";
import { auditLogQueryKey } from "@/lib/client/useAuditLogQuery";

/** The answer holds the new secret: the page shows it once and never stores it. */
export function useEnrollSecretRotateMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (overlapDays: number) =>
      fetchJson("/api/dashboard/enroll-secrets/rotate", rotatedEnrollSecretSchema, {
        method: "POST",
        body: JSON.stringify({ overlapDays }),
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: enrollSecretsQueryKey }),
        queryClient.invalidateQueries({ queryKey: auditLogQueryKey }),
      ]),
  });
}
