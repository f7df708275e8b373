"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { clientEpidsSchema } from "@/lib/read/contract/clients";

/** The KMS host ePIDs a client received and whether each matches what its host reports. */
export function useClientEpidsQuery(clientId: string) {
  return useQuery({
    queryKey: ["clients", clientId, "epid"],
    queryFn: () => fetchJson(`/api/dashboard/clients/${encodeURIComponent(clientId)}/epid`, clientEpidsSchema),
  });
}
