"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { agentListSchema } from "@/lib/access/contract/admin";

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
    queryFn: () => fetchJson(`/api/dashboard/agents?${params.toString()}`, agentListSchema),
    placeholderData: keepPreviousData,
  });
}
