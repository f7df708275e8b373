"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { enrollSecretListSchema } from "@/lib/access/contract/admin";

export const enrollSecretsQueryKey = ["admin", "enroll-secrets"] as const;

export function useEnrollSecretsQuery() {
  return useQuery({ queryKey: enrollSecretsQueryKey, queryFn: () => fetchJson("/api/dashboard/enroll-secrets", enrollSecretListSchema) });
}
