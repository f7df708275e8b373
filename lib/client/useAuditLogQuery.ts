"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { AuditLogPage } from "@/lib/access/audit/list";

export const auditLogQueryKey = ["admin", "audit-log"] as const;

export function useAuditLogQuery(page: number) {
  return useQuery({
    queryKey: [...auditLogQueryKey, page],
    queryFn: () => fetchJson<AuditLogPage>(`/api/dashboard/audit-log?page=${page}`),
    placeholderData: keepPreviousData,
  });
}
