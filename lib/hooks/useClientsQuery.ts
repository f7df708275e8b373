"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/hooks/fetchJson";
import { clientListUrl, PAGE_SIZE, type ClientFilters } from "@/lib/format/clientFilters";
import type { ClientList } from "@/lib/queries/getClientList";

export function useClientsQuery(filters: ClientFilters, pageSize = PAGE_SIZE) {
  return useQuery({
    queryKey: ["clients", { ...filters, pageSize }],
    queryFn: () => fetchJson<ClientList>(clientListUrl(filters, pageSize)),
    // Paging or filtering keeps the previous rows on screen instead of flashing a loading state.
    placeholderData: keepPreviousData,
  });
}
