"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { fleetOverviewSchema } from "@/lib/read/contract/fleet";

export function useOverviewQuery() {
  return useQuery({ queryKey: ["overview"], queryFn: () => fetchJson("/api/dashboard/overview", fleetOverviewSchema) });
}
