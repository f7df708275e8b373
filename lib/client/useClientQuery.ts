"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { ClientDetail } from "@/lib/read/clients/getClientDetail";

export function useClientQuery(id: string) {
  return useQuery({
    queryKey: ["client", id],
    queryFn: () => fetchJson<ClientDetail>(`/api/dashboard/clients/${encodeURIComponent(id)}`),
    enabled: id !== "",
  });
}
