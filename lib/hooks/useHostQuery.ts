"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/hooks/fetchJson";
import type { HostDetail } from "@/lib/queries/getHostDetail";

export function useHostQuery(hostId: string) {
  return useQuery({
    queryKey: ["hosts", hostId],
    queryFn: () => fetchJson<HostDetail>(`/api/dashboard/hosts/${encodeURIComponent(hostId)}`),
  });
}
