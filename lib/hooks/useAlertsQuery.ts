"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/hooks/fetchJson";
import type { Finding } from "@/lib/diagnosis/types";

export type AlertsResponse = { alerts: Finding[] };

export function useAlertsQuery() {
  return useQuery({ queryKey: ["alerts"], queryFn: () => fetchJson<AlertsResponse>("/api/dashboard/alerts") });
}
