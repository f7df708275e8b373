"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetchJson";
import { clientListSchema } from "@/lib/read/contract/clients";
import { clientListUrl, PAGE_SIZE, type ClientFilters } from "@/lib/read/clients/clientFilters";

export function useClientsQuery(filters: ClientFilters, pageSize = PAGE_SIZE) {
  return useQuery({
    queryKey: ["clients", { ...filters, pageSize }],
    queryFn: () => fetchJson(clientListUrl(filters, pageSize), clientListSchema),
    // Paging or filtering keeps the previous rows on screen instead of flashing a loading state.
    placeholderData: keepPreviousData,
  });
}
