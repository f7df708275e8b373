"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/hooks/fetchJson";
import type { HostAudit } from "@/lib/queries/getHostAudit";

export const auditQueryKey = ["audit"] as const;

export function useAuditQuery() {
  return useQuery({ queryKey: auditQueryKey, queryFn: () => fetchJson<HostAudit>("/api/dashboard/audit") });
}
