"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/hooks/fetchJson";
import type { HostClients } from "@/lib/queries/getHostClients";

export function useHostClientsQuery(hostId: string) {
  return useQuery({
    queryKey: ["hosts", hostId, "clients"],
    queryFn: () => fetchJson<HostClients>(`/api/dashboard/hosts/${encodeURIComponent(hostId)}/clients`),
  });
}
