"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { HostAudit } from "@/lib/read/audit/getHostAudit";

export const auditQueryKey = ["audit"] as const;

export function useAuditQuery() {
  return useQuery({ queryKey: auditQueryKey, queryFn: () => fetchJson<HostAudit>("/api/dashboard/audit") });
}
