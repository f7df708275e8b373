"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { EnrollSecretList } from "@/lib/access/admin/enrollSecrets";

export const enrollSecretsQueryKey = ["admin", "enroll-secrets"] as const;

export function useEnrollSecretsQuery() {
  return useQuery({ queryKey: enrollSecretsQueryKey, queryFn: () => fetchJson<EnrollSecretList>("/api/dashboard/enroll-secrets") });
}
