"use client";
import { fetchJson } from "@/lib/client/fetchJson";
import { rotatedEnrollSecretSchema } from "@/lib/access/contract/admin";
import { useApiMutation } from "@/lib/client/apiHooks";
import { enrollSecretsQueryKey } from "@/lib/client/useEnrollSecretsQuery";
import { auditLogQueryKey } from "@/lib/client/useAuditLogQuery";

/** The answer holds the new secret: the page shows it once and never stores it. */
export function useEnrollSecretRotateMutation() {
  return useApiMutation(
    (overlapDays: number) =>
      fetchJson("/api/dashboard/enroll-secrets/rotate", rotatedEnrollSecretSchema, {
        method: "POST",
        body: JSON.stringify({ overlapDays }),
      }),
    [enrollSecretsQueryKey, auditLogQueryKey],
  );
}
