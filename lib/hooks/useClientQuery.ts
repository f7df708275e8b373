"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/hooks/fetchJson";
import type { ClientDetail } from "@/lib/queries/getClientDetail";

export function useClientQuery(id: string) {
  return useQuery({
    queryKey: ["client", id],
    queryFn: () => fetchJson<ClientDetail>(`/api/dashboard/clients/${encodeURIComponent(id)}`),
    enabled: id !== "",
  });
}
