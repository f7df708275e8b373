"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/hooks/fetchJson";
import type { AlertView } from "@/lib/alerts/view";

/** Each alert is a Finding plus its lifecycle (id, state, first/last seen, snooze). */
export type AlertsResponse = { alerts: AlertView[] };
/** "" = open and acknowledged (the API's default); "all" includes resolved history. */
export type AlertStateFilter = "" | "open" | "acknowledged" | "resolved" | "all";

export function useAlertsQuery(state: AlertStateFilter = "") {
  return useQuery({
    // ["alerts", ...] so every invalidation of ["alerts"] refreshes all states.
    queryKey: state ? ["alerts", state] : ["alerts"],
    queryFn: () => fetchJson<AlertsResponse>(`/api/dashboard/alerts${state ? `?state=${state}` : ""}`),
  });
}
