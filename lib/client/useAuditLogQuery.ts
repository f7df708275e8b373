"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { auditLogPageSchema } from "@/lib/access/contract/admin";

export const auditLogQueryKey = ["admin", "audit-log"] as const;

export function useAuditLogQuery(page: number) {
  return useQuery({
    queryKey: [...auditLogQueryKey, page],
    queryFn: () => fetchJson(`/api/dashboard/audit-log?page=${page}`, auditLogPageSchema),
    placeholderData: keepPreviousData,
  });
}
