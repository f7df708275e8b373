"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { HostEvents } from "@/lib/read/hosts/getHostEvents";

export function useHostEventsQuery(hostId: string) {
  return useQuery({
    queryKey: ["hosts", hostId, "events"],
    queryFn: () => fetchJson<HostEvents>(`/api/dashboard/hosts/${encodeURIComponent(hostId)}/events`),
  });
}
