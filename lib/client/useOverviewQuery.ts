"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import type { FleetOverview } from "@/lib/read/fleet/getFleetOverview";

export function useOverviewQuery() {
  return useQuery({ queryKey: ["overview"], queryFn: () => fetchJson<FleetOverview>("/api/dashboard/overview") });
}
