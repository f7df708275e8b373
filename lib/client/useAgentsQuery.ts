"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { AgentList } from "@/lib/access/admin/agentList";

export type AgentFilters = { page: number; q: string; revoked: "include" | "exclude" };
export const agentsQueryKey = ["admin", "agents"] as const;

/** Admins only: a viewer gets a FetchError 403 which the page turns into a clear message. */
export function useAgentsQuery(filters: AgentFilters) {
  const params = new URLSearchParams({
    page: String(filters.page),
    revoked: filters.revoked,
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
  });
  return useQuery({
    queryKey: [...agentsQueryKey, filters],
    queryFn: () => fetchJson<AgentList>(`/api/dashboard/agents?${params.toString()}`),
    placeholderData: keepPreviousData,
  });
}
