"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { meResponseSchema } from "@/lib/access/contract/admin";

export function useMeQuery() {
  return useQuery({
    queryKey: ["me"],
    queryFn: () => fetchJson("/api/dashboard/me", meResponseSchema),
    staleTime: 5 * 60_000,
    refetchInterval: false,
  });
}
