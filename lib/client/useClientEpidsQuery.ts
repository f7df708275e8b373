"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { ClientEpids } from "@/lib/read/clients/getClientEpids";

/** The KMS host ePIDs a client received and whether each matches what its host reports. */
export function useClientEpidsQuery(clientId: string) {
  return useQuery({
    queryKey: ["clients", clientId, "epid"],
    queryFn: () => fetchJson<ClientEpids>(`/api/dashboard/clients/${encodeURIComponent(clientId)}/epid`),
  });
}
