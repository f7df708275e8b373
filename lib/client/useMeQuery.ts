"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { SignedInUser } from "@/lib/access/auth/session";

export type MeResponse = { user: SignedInUser };

export function useMeQuery() {
  return useQuery({
    queryKey: ["me"],
    queryFn: () => fetchJson<MeResponse>("/api/dashboard/me"),
    staleTime: 5 * 60_000,
    refetchInterval: false,
  });
}
