"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { alertListSchema } from "@/lib/read/contract/fleet";
import type { KindFilter, SeverityFilter } from "@/lib/read/alerts/findingFilters";
import { ALERT_PAGE_SIZE } from "@/lib/evaluate/alerts/types";

/** "" = open and acknowledged (the API's default); "all" includes resolved history. */
export type AlertStateFilter = "" | "open" | "acknowledged" | "resolved" | "all";
/** `q`: part of the machine's name (a host, or a site's DNS suffix). */
export type AlertsFilter = { state: AlertStateFilter; severity: SeverityFilter; kind: KindFilter; rule: string; q: string };

/** `limit`: the API's default page unless the page asked for more. */
export function useAlertsQuery(filter: AlertsFilter, limit = ALERT_PAGE_SIZE) {
  const qs = new URLSearchParams(Object.entries(filter).filter(([, value]) => value !== ""));
  if (limit !== ALERT_PAGE_SIZE) qs.set("limit", String(limit));
  return useQuery({
    // ["alerts", ...] so every invalidation of ["alerts"] refreshes all filters.
    queryKey: ["alerts", filter.state, filter.severity, filter.kind, filter.rule, filter.q, limit],
    queryFn: () => fetchJson(`/api/dashboard/alerts${qs.size > 0 ? `?${qs}` : ""}`, alertListSchema),
    // Changing a filter keeps the current list on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}
