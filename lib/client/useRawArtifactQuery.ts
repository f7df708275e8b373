"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { rawArtifactSchema } from "@/lib/read/contract/clients";

/** Fetches only when `rawId` is given (e.g. the host has a /dlv snapshot and the user opened the raw view). */
export function useRawArtifactQuery(rawId: string | null | undefined) {
  return useQuery({
    queryKey: ["raw", rawId],
    queryFn: () => fetchJson(`/api/dashboard/raw/${encodeURIComponent(rawId ?? "")}`, rawArtifactSchema),
    enabled: Boolean(rawId),
    // A raw artifact is immutable: fetch it once.
    staleTime: Infinity,
    refetchInterval: false,
  });
}
