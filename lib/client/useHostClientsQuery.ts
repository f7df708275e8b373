"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { hostClientsSchema } from "@/lib/read/contract/hosts";

/** The host's client summary and its first `limit` clients (the API's maximum, 5,000, for "show all"). */
export function useHostClientsQuery(hostId: string, limit: number) {
  return useQuery({
    queryKey: ["hosts", hostId, "clients", limit],
    queryFn: () => fetchJson(`/api/dashboard/hosts/${encodeURIComponent(hostId)}/clients?limit=${limit}`, hostClientsSchema),
    // Keep the first rows on screen while "show all" loads.
    placeholderData: keepPreviousData,
  });
}
