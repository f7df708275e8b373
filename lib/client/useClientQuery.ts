"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { clientDetailSchema } from "@/lib/read/contract/clients";

export function useClientQuery(id: string) {
  return useQuery({
    queryKey: ["client", id],
    queryFn: () => fetchJson(`/api/dashboard/clients/${encodeURIComponent(id)}`, clientDetailSchema),
    enabled: id !== "",
  });
}
