"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { hostEventsSchema } from "@/lib/read/contract/hosts";

export function useHostEventsQuery(hostId: string) {
  return useQuery({
    queryKey: ["hosts", hostId, "events"],
    queryFn: () => fetchJson(`/api/dashboard/hosts/${encodeURIComponent(hostId)}/events`, hostEventsSchema),
  });
}
