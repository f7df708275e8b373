"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/hooks/fetchJson";
import type { FleetOverview } from "@/lib/queries/getFleetOverview";

export function useOverviewQuery() {
  return useQuery({ queryKey: ["overview"], queryFn: () => fetchJson<FleetOverview>("/api/dashboard/overview") });
}
