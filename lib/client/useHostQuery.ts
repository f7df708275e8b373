"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { hostDetailSchema } from "@/lib/read/contract/hosts";

export function useHostQuery(hostId: string) {
  return useQuery({
    queryKey: ["hosts", hostId],
    queryFn: () => fetchJson(`/api/dashboard/hosts/${encodeURIComponent(hostId)}`, hostDetailSchema),
  });
}
