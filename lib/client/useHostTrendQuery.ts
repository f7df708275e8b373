"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { hostCountTrendSchema, type HostCountTrend } from "@/lib/read/contract/hosts";

export type TrendRange = HostCountTrend["range"];
export type TrendUnit = HostCountTrend["unit"];

/** `unit` omitted = the server's default bucket for the range. */
export function useHostTrendQuery(hostId: string, range: TrendRange, unit?: TrendUnit) {
  const params = new URLSearchParams({ range });
  if (unit) params.set("unit", unit);
  return useQuery({
    queryKey: ["hosts", hostId, "trend", range, unit ?? "default"],
    queryFn: () => fetchJson(`/api/dashboard/hosts/${encodeURIComponent(hostId)}/trend?${params}`, hostCountTrendSchema),
    // Switching the range keeps the previous chart on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}
