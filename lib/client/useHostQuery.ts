"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { HostDetail } from "@/lib/read/hosts/getHostDetail";

export function useHostQuery(hostId: string) {
  return useQuery({
    queryKey: ["hosts", hostId],
    queryFn: () => fetchJson<HostDetail>(`/api/dashboard/hosts/${encodeURIComponent(hostId)}`),
  });
}
