"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { hostAuditSchema } from "@/lib/read/contract/fleet";

export const auditQueryKey = ["audit"] as const;

export function useAuditQuery() {
  return useQuery({ queryKey: auditQueryKey, queryFn: () => fetchJson("/api/dashboard/audit", hostAuditSchema) });
}
